import { deserialize, serialize } from 'node:v8';
import type { DayView, QueueSnapshot, Ticket, TicketCall, WaitEstimate } from '@antre/shared';

/**
 * The stored form of a hall day: its tickets as columns (numbers in typed arrays, repeated strings once in a
 * string table), and the few small parts (counters, services, leases) as they are. A 100,000-ticket day is a
 * few MB instead of ~60 MB of JSON, is taken in one pass over the tickets, and is read back without parsing
 * any JSON but the rare fields. Nothing here is recomputed on reading but the day's indexes (`QueueDay`).
 */
export interface PackedDay {
  /** `PACKED_DAY_SHAPE`: anything else is not one of these. */
  shape: string;
  day: string;
  seq: number;
  /** Counters, services and leases: a few dozen entries, kept as they are. */
  small: string;
  /** Strings that repeat (service ids, statuses, counter ids, origins as JSON…); columns hold their index. */
  strings: string[];
  ids: string[];
  displayNumbers: string[];
  /** Per ticket, an index into `strings`; -1: absent. */
  text: Int32Array;
  /** Per ticket, a number; NaN: absent. */
  numbers: Float64Array;
  /** Per ticket, how many calls it has; the calls follow in `callCounters`/`callAts`/`callRecalls`. */
  callCounts: Uint32Array;
  callCounters: Int32Array;
  callAts: Float64Array;
  callRecalls: Uint8Array;
  /** Per ticket with fields the columns do not hold (transfers, a visit, …): its index and those fields as JSON. */
  restAt: Uint32Array;
  rest: string[];
  /**
   * `numbersUsed`, in its order: the index of the ticket each entry names (-1: see `numberIdsElse`), and the
   * entry's key where it is not that ticket's own `serviceId:number` (JSON, by entry).
   */
  numberTickets: Int32Array;
  numberKeysElse: string;
  numberIdsElse: string;
}

export const PACKED_DAY_SHAPE = 'antre-day/1';

/** The ticket fields held as strings, in the order of the `text` columns. */
const TEXT = ['serviceId', 'prefix', 'day', 'priority', 'status', 'targetCounterId', 'counterId'] as const;
/** The ticket fields held as numbers, then the estimate's, in the order of the `numbers` columns. */
const NUMBER = ['number', 'issuedAt', 'rank', 'calledAt', 'servingAt', 'endedAt'] as const;
const ESTIMATE = ['ahead', 'minutes', 'low', 'high'] as const;
/** One `text` column more: the origin, as JSON. */
const TEXT_COLUMNS = TEXT.length + 1;
const NUMBER_COLUMNS = NUMBER.length + ESTIMATE.length;
const COLUMN_FIELDS: ReadonlySet<string> = new Set<string>([
  ...TEXT,
  ...NUMBER,
  'id',
  'displayNumber',
  'origin',
  'calls',
  'estimate',
]);

type Loose = Record<string, unknown>;

/**
 * The day as it stands now, copied into columns: nothing in the result is shared with the day, which may
 * change as soon as this returns. One pass over the tickets; run it where the day is at the wanted `seq`.
 */
export function packDay(view: DayView): PackedDay {
  const tickets = view.allTickets();
  const n = tickets.length;
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const intern = (s: string): number => {
    let i = stringIndex.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      stringIndex.set(s, i);
    }
    return i;
  };
  const ids: string[] = new Array<string>(n);
  const displayNumbers: string[] = new Array<string>(n);
  const text = new Int32Array(n * TEXT_COLUMNS);
  const numbers = new Float64Array(n * NUMBER_COLUMNS);
  const callCounts = new Uint32Array(n);
  const callCounters: number[] = [];
  const callAts: number[] = [];
  const callRecalls: number[] = [];
  const restAt: number[] = [];
  const rest: string[] = [];
  const position = new Map<string, number>();
  for (let i = 0; i < n; i += 1) {
    const t = tickets[i] as unknown as Ticket & Loose;
    ids[i] = t.id;
    position.set(t.id, i);
    displayNumbers[i] = t.displayNumber;
    const extra: Loose = {};
    let hasExtra = false;
    // Each field by name, not by a key in a variable: V8 reads those as fast as a struct's.
    const texts = [t.serviceId, t.prefix, t.day, t.priority, t.status, t.targetCounterId, t.counterId];
    const tx = i * TEXT_COLUMNS;
    for (let c = 0; c < TEXT.length; c += 1) {
      const v: unknown = texts[c];
      if (typeof v === 'string') text[tx + c] = intern(v);
      else {
        text[tx + c] = -1;
        if (v !== undefined) {
          extra[TEXT[c] as string] = v;
          hasExtra = true;
        }
      }
    }
    text[tx + TEXT.length] = intern(originKey(t.origin));
    const values = [t.number, t.issuedAt, t.rank, t.calledAt, t.servingAt, t.endedAt];
    const nx = i * NUMBER_COLUMNS;
    for (let c = 0; c < NUMBER.length; c += 1) {
      const v: unknown = values[c];
      if (typeof v === 'number' && !Number.isNaN(v)) numbers[nx + c] = v;
      else {
        numbers[nx + c] = NaN;
        if (v !== undefined) {
          extra[NUMBER[c] as string] = v;
          hasExtra = true;
        }
      }
    }
    const estimate = t.estimate as WaitEstimate & Loose;
    if (plainEstimate(estimate)) {
      numbers[nx + NUMBER.length] = estimate.ahead;
      numbers[nx + NUMBER.length + 1] = estimate.minutes;
      numbers[nx + NUMBER.length + 2] = estimate.low ?? NaN;
      numbers[nx + NUMBER.length + 3] = estimate.high ?? NaN;
    } else {
      for (let c = 0; c < ESTIMATE.length; c += 1) numbers[nx + NUMBER.length + c] = NaN;
      extra['estimate'] = estimate;
      hasExtra = true;
    }
    const calls = t.calls as unknown as readonly (TicketCall & Loose)[];
    if (calls.every(plainCall)) {
      callCounts[i] = calls.length;
      for (const call of calls) {
        callCounters.push(intern(call.counterId));
        callAts.push(call.at);
        callRecalls.push(call.recall ? 1 : 0);
      }
    } else {
      extra['calls'] = calls;
      hasExtra = true;
    }
    for (const key of Object.keys(t)) {
      if (COLUMN_FIELDS.has(key) || t[key] === undefined) continue;
      if (key === 'transfers' && t.transfers.length === 0) continue;
      extra[key] = t[key];
      hasExtra = true;
    }
    if (hasExtra) {
      restAt.push(i);
      rest.push(JSON.stringify(extra));
    }
  }
  const numbersUsed = view.numbersUsed;
  const numberKeys = Object.keys(numbersUsed);
  const numberTickets = new Int32Array(numberKeys.length);
  const numberKeysElse: Record<number, string> = {};
  const numberIdsElse: Record<number, string> = {};
  numberKeys.forEach((key, k) => {
    const id = numbersUsed[key] ?? '';
    const at = position.get(id);
    numberTickets[k] = at ?? -1;
    if (at === undefined) numberIdsElse[k] = id;
    const t = at === undefined ? undefined : tickets[at];
    if (t === undefined || key !== `${t.serviceId}:${t.number}`) numberKeysElse[k] = key;
  });
  return {
    shape: PACKED_DAY_SHAPE,
    day: view.day,
    seq: view.seq,
    small: JSON.stringify({ counters: view.counters, services: view.services, leases: view.leases }),
    strings,
    ids,
    displayNumbers,
    text,
    numbers,
    callCounts,
    callCounters: Int32Array.from(callCounters),
    callAts: Float64Array.from(callAts),
    callRecalls: Uint8Array.from(callRecalls),
    restAt: Uint32Array.from(restAt),
    rest,
    numberTickets,
    numberKeysElse: JSON.stringify(numberKeysElse),
    numberIdsElse: JSON.stringify(numberIdsElse),
  };
}

/**
 * A packed day as bytes, for the store. The columns are narrowed first: string indexes to the fewest bytes
 * the string table needs, and each number column, when it holds whole numbers close together, to 32-bit
 * offsets from its first value (a day's times are within 2^31 ms of each other).
 */
export function encodePackedDay(packed: PackedDay): Buffer {
  const { text, numbers, ...rest } = packed;
  const wide = packed.strings.length + 1;
  const narrowText =
    wide <= 0xff
      ? new Uint8Array(text.length)
      : wide <= 0xffff
        ? new Uint16Array(text.length)
        : new Uint32Array(text.length);
  for (let i = 0; i < text.length; i += 1) narrowText[i] = (text[i] ?? -1) + 1;
  const stored: StoredPackedDay = { ...rest, narrowText, ...narrowNumbers(numbers) };
  return serialize(stored);
}

/** What the store holds: a packed day with its columns narrowed (`encodePackedDay`). */
interface StoredPackedDay extends Omit<PackedDay, 'text' | 'numbers'> {
  /** `text`, each index one more (0: absent). */
  narrowText: Uint8Array | Uint16Array | Uint32Array;
  /** `numbers`, as they are: some column did not fit 32-bit offsets. */
  numbers?: Float64Array;
  /** `numbers` as offsets from `numberBases` (per column; `ABSENT`: NaN). */
  numberOffsets?: Int32Array;
  numberBases?: Float64Array;
}

const ABSENT = -0x80000000;

function narrowNumbers(
  numbers: Float64Array,
): Pick<StoredPackedDay, 'numbers' | 'numberOffsets' | 'numberBases'> {
  const bases = new Float64Array(NUMBER_COLUMNS).fill(NaN);
  const offsets = new Int32Array(numbers.length);
  for (let i = 0; i < numbers.length; i += 1) {
    const v = numbers[i] ?? NaN;
    const c = i % NUMBER_COLUMNS;
    if (Number.isNaN(v)) {
      offsets[i] = ABSENT;
      continue;
    }
    if (Number.isNaN(bases[c] ?? NaN)) bases[c] = v;
    const offset = v - (bases[c] ?? 0);
    if (!Number.isInteger(offset) || offset <= ABSENT || offset > 0x7fffffff) return { numbers };
    offsets[i] = offset;
  }
  return { numberOffsets: offsets, numberBases: bases };
}

function widenNumbers(stored: StoredPackedDay): Float64Array {
  if (stored.numbers) return stored.numbers;
  const { numberOffsets: offsets, numberBases: bases } = stored;
  if (!offsets || !bases) throw new Error('a packed day without its numbers');
  const numbers = new Float64Array(offsets.length);
  for (let i = 0; i < offsets.length; i += 1) {
    const o = offsets[i] ?? ABSENT;
    numbers[i] = o === ABSENT ? NaN : (bases[i % NUMBER_COLUMNS] ?? NaN) + o;
  }
  return numbers;
}

/**
 * The day's data from its stored bytes, owned by nobody else, with its tickets in issue order (`list`, the
 * order of `tickets`' keys). Throws on anything that is not a whole packed
 * day (bytes cut short, another shape, columns of the wrong length): the caller then replays the log.
 */
export function decodePackedDay(bytes: Uint8Array): { data: QueueSnapshot; list: Ticket[] } {
  const stored = deserialize(bytes) as StoredPackedDay;
  if (stored.shape !== PACKED_DAY_SHAPE) throw new Error('not a packed day');
  const text = Int32Array.from(stored.narrowText, (v) => v - 1);
  const p: PackedDay = { ...stored, text, numbers: widenNumbers(stored) };
  const n = p.ids.length;
  if (
    p.displayNumbers.length !== n ||
    p.text.length !== n * TEXT_COLUMNS ||
    p.numbers.length !== n * NUMBER_COLUMNS ||
    p.callCounts.length !== n ||
    p.restAt.length !== p.rest.length ||
    p.callAts.length !== p.callCounters.length ||
    p.callRecalls.length !== p.callCounters.length
  ) {
    throw new Error('a packed day with columns of the wrong length');
  }
  const { strings, numbers } = p;
  const str = (i: number): string | undefined => (i < 0 ? undefined : strings[i]);
  const origins = strings.map((s) => (s.startsWith('{') ? s : undefined));
  const parsedOrigins = new Map<number, unknown>();
  const origin = (i: number): Ticket['origin'] => {
    if (!parsedOrigins.has(i)) parsedOrigins.set(i, JSON.parse(origins[i] ?? 'null'));
    return { ...(parsedOrigins.get(i) as Ticket['origin']) };
  };
  const restOf = new Map<number, Loose>();
  p.rest.forEach((json, k) => restOf.set(p.restAt[k] ?? -1, JSON.parse(json) as Loose));
  const tickets: Record<string, Ticket> = {};
  const list: Ticket[] = new Array<Ticket>(n);
  let call = 0;
  for (let i = 0; i < n; i += 1) {
    const tx = i * TEXT_COLUMNS;
    const nx = i * NUMBER_COLUMNS;
    const calls: TicketCall[] = [];
    const count = p.callCounts[i] ?? 0;
    for (let c = 0; c < count; c += 1, call += 1) {
      calls.push({
        counterId: str(p.callCounters[call] ?? -1) ?? '',
        at: p.callAts[call] ?? 0,
        recall: p.callRecalls[call] === 1,
      });
    }
    const estimate: WaitEstimate = { ahead: numbers[nx + 6] ?? 0, minutes: numbers[nx + 7] ?? 0 };
    const low = numbers[nx + 8] ?? NaN;
    const high = numbers[nx + 9] ?? NaN;
    if (!Number.isNaN(low)) estimate.low = low;
    if (!Number.isNaN(high)) estimate.high = high;
    const t = {
      id: p.ids[i] ?? '',
      serviceId: str(text[tx] ?? -1),
      prefix: str(text[tx + 1] ?? -1),
      number: numbers[nx],
      displayNumber: p.displayNumbers[i] ?? '',
      day: str(text[tx + 2] ?? -1),
      issuedAt: numbers[nx + 1],
      origin: origin(text[tx + 7] ?? -1),
      priority: str(text[tx + 3] ?? -1),
      status: str(text[tx + 4] ?? -1),
      rank: numbers[nx + 2],
      calls,
      transfers: [],
      estimate,
    } as Ticket & Loose;
    const targetCounterId = str(text[tx + 5] ?? -1);
    if (targetCounterId !== undefined) t.targetCounterId = targetCounterId;
    const counterId = str(text[tx + 6] ?? -1);
    if (counterId !== undefined) t.counterId = counterId;
    for (let c = 3; c < NUMBER.length; c += 1) {
      const v = numbers[nx + c] ?? NaN;
      if (!Number.isNaN(v)) t[NUMBER[c] as string] = v;
    }
    const extra = restOf.get(i);
    if (extra) Object.assign(t, extra);
    if (t.serviceId === undefined || t.status === undefined || t.priority === undefined) {
      throw new Error(`a packed ticket without its service, status or priority (${t.id})`);
    }
    tickets[t.id] = t;
    list[i] = t;
  }
  const idsElse = JSON.parse(p.numberIdsElse) as Record<number, string>;
  const keysElse = JSON.parse(p.numberKeysElse) as Record<number, string>;
  const numbersUsed: Record<string, string> = {};
  p.numberTickets.forEach((at, k) => {
    const t = at >= 0 ? list[at] : undefined;
    const key = keysElse[k] ?? (t ? `${t.serviceId}:${t.number}` : undefined);
    if (key === undefined) throw new Error('a packed number without its key');
    numbersUsed[key] = t ? t.id : (idsElse[k] ?? '');
  });
  const small = JSON.parse(p.small) as Pick<QueueSnapshot, 'counters' | 'services' | 'leases'>;
  const data: QueueSnapshot = {
    day: p.day,
    seq: p.seq,
    tickets,
    counters: small.counters,
    services: small.services,
    leases: small.leases,
    numbersUsed,
  };
  return { data, list };
}

/** The origin as JSON, which the string table holds once per kiosk, staff member or channel. */
function originKey(origin: Ticket['origin']): string {
  // The usual shapes without JSON.stringify, in the key order the hub writes them (same text either way).
  const o = origin as Ticket['origin'] & Loose;
  const keys = Object.keys(o);
  if (o.kind === 'kiosk' && keys.length === 3 && keys[1] === 'kioskId' && keys[2] === 'offline') {
    return `{"kind":"kiosk","kioskId":${JSON.stringify(o.kioskId)},"offline":${String(o.offline)}}`;
  }
  return JSON.stringify(origin);
}

function plainEstimate(e: WaitEstimate & Loose): boolean {
  for (const key in e) {
    if (!(ESTIMATE as readonly string[]).includes(key) && e[key] !== undefined) return false;
  }
  return (
    typeof e.ahead === 'number' &&
    typeof e.minutes === 'number' &&
    ESTIMATE.every((k) => e[k] === undefined || (typeof e[k] === 'number' && !Number.isNaN(e[k])))
  );
}

function plainCall(c: TicketCall & Loose): boolean {
  for (const key in c) if (key !== 'counterId' && key !== 'at' && key !== 'recall') return false;
  return typeof c.counterId === 'string' && typeof c.at === 'number' && typeof c.recall === 'boolean';
}
