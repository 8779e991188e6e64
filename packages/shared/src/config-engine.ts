import type { ConfigChange, ConfigItem, ConfigItemKind } from './config-change.js';
import {
  applyConfigChange,
  changeSubjectKey,
  findItem,
  itemId,
  subjectAfter,
  subjectBefore,
  withoutStaff,
} from './config-change.js';
import { fieldIssues } from './config-issues.js';
import type { ConfigRefusal } from './config-refusal.js';
import { configRefusal } from './config-refusal.js';
import type { DomainEvent } from './domain-events.js';
import type { QueueConfig } from './hall-config.js';
import { hallConfig } from './hall-config.js';
import type { DayView } from './queue-day.js';
import { isFinal } from './queue-state.js';

/**
 * Decides a change to the hall config, live: the version check (two supervisors), the rules a running hall
 * needs (a service with waiting visitors cannot be removed, only closed; a counter with a visitor cannot be
 * removed; a prefix used today is not reused today; …) and the one schema the whole config must still pass.
 * Pure, like the queue engine: the hub logs the event it returns and only then makes the change.
 * Who may make it is the policy's question (`authorizeConfigChange`), asked first.
 */

export interface ConfigContext {
  /** The config now, without staff accounts. */
  config: QueueConfig;
  /** Staff accounts (an agency with staff is not removed). */
  staff: readonly { username: string; agencyId?: string | undefined; active: boolean }[];
  /** The config's version now. */
  version: number;
  /** The config version in which an item (`service:ktp`, `hall`, `*`) last changed; 0 if never. */
  changedIn: (key: string) => number;
  /** Today's queue, for the live rules. */
  day: DayView;
}

export type ConfigChangedEvent = Extract<DomainEvent, { type: 'ConfigChanged' }>;

export type ConfigDecision = { ok: true; config: QueueConfig; event: ConfigChangedEvent } | ConfigRefusal;

export function decideConfigChange(
  ctx: ConfigContext,
  request: { expectedVersion: number; change: ConfigChange },
  by: string,
): ConfigDecision {
  const { change, expectedVersion } = request;
  const refusal = versionRefusal(ctx, change, expectedVersion) ?? ruleRefusal(ctx, change);
  if (refusal) return refusal;
  const after = applyConfigChange(withoutStaff(ctx.config), change);
  // The one schema, over the whole config: anything the rules above did not name is caught here.
  const parsed = hallConfig.safeParse({ ...after, staff: [] });
  if (!parsed.success) {
    const [first] = fieldIssues(parsed.error.issues);
    const message = parsed.error.issues[0]?.message ?? 'invalid';
    return configRefusal('VALIDATION_FAILED', first?.field ?? '', {
      id: `Konfigurasi tidak valid: ${first?.text.id ?? message}`,
      en: `The config is not valid: ${message}`,
    });
  }
  return {
    ok: true,
    config: after,
    event: {
      type: 'ConfigChanged',
      version: ctx.version + 1,
      change,
      before: subjectBefore(ctx.config, change),
      after: subjectAfter(change),
      by,
    },
  };
}

function versionRefusal(
  ctx: ConfigContext,
  change: ConfigChange,
  expected: number,
): ConfigRefusal | undefined {
  if (expected > ctx.version) {
    return configRefusal('VALIDATION_FAILED', 'expectedVersion', {
      id: 'Versi konfigurasi tidak dikenal.',
      en: 'Unknown config version.',
    });
  }
  const key = changeSubjectKey(change);
  const changedSince =
    key === '*' ? ctx.version > expected : Math.max(ctx.changedIn(key), ctx.changedIn('*')) > expected;
  return changedSince
    ? configRefusal('CONFIG_CONFLICT', '', {
        id: 'Data ini baru saja diubah orang lain. Perubahan Anda tidak disimpan: muat ulang dan periksa lagi.',
        en: 'Someone else changed this meanwhile. Your change was not saved: reload and check again.',
      })
    : undefined;
}

function ruleRefusal(ctx: ConfigContext, change: ConfigChange): ConfigRefusal | undefined {
  switch (change.type) {
    case 'add': {
      const id = itemId(change.item);
      if (findItem(ctx.config, change.item.kind, id)) {
        return configRefusal('DUPLICATE_ID', change.item.kind === 'holiday' ? 'date' : 'id', {
          id: `${KIND_TEXT[change.item.kind].id} ${id} sudah ada.`,
          en: `${KIND_TEXT[change.item.kind].en} ${id} already exists.`,
        });
      }
      return itemRefusal(ctx, change.item);
    }
    case 'update': {
      const id = itemId(change.item);
      if (!findItem(ctx.config, change.item.kind, id)) return unknownItem(change.item.kind, id);
      return itemRefusal(ctx, change.item);
    }
    case 'remove':
      if (!findItem(ctx.config, change.kind, change.id)) return unknownItem(change.kind, change.id);
      return removalRefusal(ctx, ctx.config, change.kind, change.id);
    case 'setHall':
      return timeZoneRefusal(ctx, change.hall.timeZone);
    case 'setSettings':
      return leaseRefusal(ctx, change.settings.leaseStart, change.settings.leaseBlockSize);
    case 'import':
      return importRefusal(ctx, change.config);
  }
}

/** Rules for an item as added or updated: its references and what must stay unique. */
function itemRefusal(ctx: ConfigContext, item: ConfigItem): ConfigRefusal | undefined {
  const { config } = ctx;
  switch (item.kind) {
    case 'service': {
      const s = item.value;
      if (!config.agencies.some((a) => a.id === s.agencyId))
        return unknownRef('agencyId', 'agency', s.agencyId);
      const taken = config.services.find((o) => o.id !== s.id && o.prefix === s.prefix);
      if (taken) {
        return configRefusal('DUPLICATE_ID', 'prefix', {
          id: `Awalan ${s.prefix} sudah dipakai layanan ${taken.name.id}.`,
          en: `Prefix ${s.prefix} is taken by ${taken.name.en}.`,
        });
      }
      return prefixRefusal(ctx, s.id, s.prefix);
    }
    case 'counter': {
      const c = item.value;
      if (!config.agencies.some((a) => a.id === c.agencyId))
        return unknownRef('agencyId', 'agency', c.agencyId);
      const missing = c.serviceIds.find((id) => !config.services.some((s) => s.id === id));
      if (missing !== undefined) return unknownRef('serviceIds', 'service', missing);
      if (new Set(c.serviceIds).size !== c.serviceIds.length) {
        return configRefusal('VALIDATION_FAILED', 'serviceIds', {
          id: 'Setiap layanan cukup sekali.',
          en: 'List each service once.',
        });
      }
      const taken = config.counters.find((o) => o.id !== c.id && o.name === c.name);
      if (taken) {
        return configRefusal('DUPLICATE_ID', 'name', {
          id: `Nomor loket ${c.name} sudah dipakai.`,
          en: `Counter number ${c.name} is taken.`,
        });
      }
      return undefined;
    }
    case 'package': {
      // Unknown services, a broken order: the whole-config schema names them (`packageIssues`).
      const missing = item.value.serviceIds.find((id) => !config.services.some((s) => s.id === id));
      return missing === undefined ? undefined : unknownRef('serviceIds', 'service', missing);
    }
    case 'agency':
    case 'kiosk':
    case 'display':
    case 'holiday':
      return undefined;
  }
}

/**
 * A prefix names today's tickets: one already printed today for another service is not given to a new
 * one, or two visitors would hold the same number for different queues.
 */
function prefixRefusal(ctx: ConfigContext, serviceId: string, prefix: string): ConfigRefusal | undefined {
  const clash = ctx.day.allTickets().find((t) => t.prefix === prefix && t.serviceId !== serviceId);
  if (!clash || ticketsOfService(ctx.day, serviceId).some((t) => t.prefix === prefix)) return undefined;
  return configRefusal('IN_USE', 'prefix', {
    id: `Awalan ${prefix} sudah dipakai hari ini (${clash.displayNumber}); pakai lagi besok.`,
    en: `Prefix ${prefix} was used today (${clash.displayNumber}); reuse it tomorrow.`,
  });
}

function ticketsOfService(day: DayView, serviceId: string) {
  return day.allTickets().filter((t) => t.serviceId === serviceId);
}

/** What must be true before an item leaves the config, on this day and in `config`. */
function removalRefusal(
  ctx: ConfigContext,
  config: QueueConfig,
  kind: ConfigItemKind,
  id: string,
): ConfigRefusal | undefined {
  switch (kind) {
    case 'agency': {
      const services = config.services.filter((s) => s.agencyId === id).length;
      const counters = config.counters.filter((c) => c.agencyId === id).length;
      const staff = ctx.staff.filter((s) => s.active && s.agencyId === id).length;
      if (services + counters + staff === 0) return undefined;
      return configRefusal('IN_USE', '', {
        id: `Instansi ini masih memiliki ${services} layanan, ${counters} loket dan ${staff} petugas: pindahkan atau hapus dulu.`,
        en: `This agency still has ${services} services, ${counters} counters and ${staff} staff: move or remove them first.`,
      });
    }
    case 'service': {
      const open = ticketsOfService(ctx.day, id).filter((t) => !isFinal(t)).length;
      if (open > 0) {
        return configRefusal('IN_USE', '', {
          id: `${open} pengunjung masih dalam antrean layanan ini. Tutup layanan (kosongkan jam layanannya) dan hapus setelah antrean habis.`,
          en: `${open} visitors are still in this service's queue. Close the service (empty its hours) and remove it once the queue is empty.`,
        });
      }
      const serving = config.counters.filter((c) => c.serviceIds.includes(id)).map((c) => c.name);
      const bundled = config.packages.filter((p) => p.serviceIds.includes(id));
      if (serving.length === 0 && bundled.length > 0) {
        return configRefusal('IN_USE', '', {
          id: `Paket ${bundled.map((p) => p.name.id).join(', ')} masih memuat layanan ini: ubah paketnya dulu.`,
          en: `Packages ${bundled.map((p) => p.name.en).join(', ')} still hold this service: change them first.`,
        });
      }
      if (serving.length === 0) return undefined;
      return configRefusal('IN_USE', '', {
        id: `Loket ${serving.join(', ')} masih melayani layanan ini: hapus dari loket dulu.`,
        en: `Counters ${serving.join(', ')} still serve it: take it off them first.`,
      });
    }
    case 'counter': {
      const state = ctx.day.counters[id];
      const held = ctx.day.allTickets().some((t) => t.status === 'held' && t.counterId === id);
      if (state?.currentTicketId !== undefined || held) {
        return configRefusal('IN_USE', '', {
          id: 'Ada pengunjung di loket ini: selesaikan dulu.',
          en: 'A visitor is at this counter: finish first.',
        });
      }
      if (state && state.status !== 'closed') {
        return configRefusal('IN_USE', '', {
          id: 'Loket ini sedang dibuka: tutup dulu.',
          en: 'This counter is open: close it first.',
        });
      }
      return undefined;
    }
    case 'kiosk': {
      const leased = ctx.day.leases.some((l) => l.kioskId === id);
      return leased
        ? configRefusal('IN_USE', '', {
            id: 'Kios ini memegang nomor luring hari ini: hapus besok.',
            en: 'This kiosk holds offline numbers today: remove it tomorrow.',
          })
        : undefined;
    }
    case 'display':
    case 'holiday':
    case 'package':
      return undefined;
  }
}

/** The hall day moves with the time zone: not on a day that has tickets. */
function timeZoneRefusal(ctx: ConfigContext, timeZone: string): ConfigRefusal | undefined {
  if (timeZone === ctx.config.hall.timeZone || ctx.day.allTickets().length === 0) return undefined;
  return configRefusal('IN_USE', 'timeZone', {
    id: 'Zona waktu tidak dapat diubah pada hari yang sudah memiliki antrean.',
    en: 'The time zone cannot change on a day that has tickets.',
  });
}

/** Offline numbers already leased today were cut with the old settings: keep them for the day. */
function leaseRefusal(ctx: ConfigContext, leaseStart: number, blockSize: number): ConfigRefusal | undefined {
  const { settings } = ctx.config;
  if (ctx.day.leases.length === 0) return undefined;
  if (leaseStart === settings.leaseStart && blockSize === settings.leaseBlockSize) return undefined;
  return configRefusal('IN_USE', leaseStart === settings.leaseStart ? 'leaseBlockSize' : 'leaseStart', {
    id: 'Nomor luring sudah dibagikan hari ini: ubah besok.',
    en: 'Offline numbers were leased today: change this tomorrow.',
  });
}

/** An import is every change at once: each removal and each new prefix passes the same rules. */
function importRefusal(ctx: ConfigContext, next: QueueConfig): ConfigRefusal | undefined {
  for (const kind of ['service', 'counter', 'kiosk'] as const) {
    const kept = new Set(itemsIds(next, kind));
    for (const id of itemsIds(ctx.config, kind)) {
      if (kept.has(id)) continue;
      const refusal = removalRefusal(ctx, next, kind, id);
      if (refusal) return withSubject(refusal, kind, id);
    }
  }
  for (const s of next.services) {
    const refusal = prefixRefusal(ctx, s.id, s.prefix);
    if (refusal) return withSubject(refusal, 'service', s.id);
  }
  return (
    timeZoneRefusal(ctx, next.hall.timeZone) ??
    leaseRefusal(ctx, next.settings.leaseStart, next.settings.leaseBlockSize)
  );
}

function itemsIds(config: QueueConfig, kind: 'service' | 'counter' | 'kiosk'): string[] {
  const list = kind === 'service' ? config.services : kind === 'counter' ? config.counters : config.kiosks;
  return list.map((v) => v.id);
}

/** A refusal of one item within an import names the item. */
function withSubject(refusal: ConfigRefusal, kind: ConfigItemKind, id: string): ConfigRefusal {
  const d = refusal.error.details ?? {};
  const textId = `${KIND_TEXT[kind].id} ${id}: ${String(d['textId'])}`;
  const textEn = `${KIND_TEXT[kind].en} ${id}: ${String(d['textEn'])}`;
  return configRefusal(refusal.error.code, '', { id: textId, en: textEn });
}

function unknownItem(kind: ConfigItemKind, id: string): ConfigRefusal {
  return configRefusal('UNKNOWN_ITEM', '', {
    id: `${KIND_TEXT[kind].id} ${id} tidak ada (mungkin baru dihapus).`,
    en: `${KIND_TEXT[kind].en} ${id} does not exist (perhaps just removed).`,
  });
}

function unknownRef(field: string, kind: ConfigItemKind, id: string): ConfigRefusal {
  return configRefusal('VALIDATION_FAILED', field, {
    id: `${KIND_TEXT[kind].id} ${id} tidak ada.`,
    en: `${KIND_TEXT[kind].en} ${id} does not exist.`,
  });
}

/** The kinds of item as a sentence names them. */
export const KIND_TEXT: Record<ConfigItemKind, { id: string; en: string }> = {
  agency: { id: 'Instansi', en: 'Agency' },
  service: { id: 'Layanan', en: 'Service' },
  counter: { id: 'Loket', en: 'Counter' },
  kiosk: { id: 'Kios', en: 'Kiosk' },
  display: { id: 'Layar', en: 'Display' },
  holiday: { id: 'Hari libur', en: 'Holiday' },
  package: { id: 'Paket layanan', en: 'Service package' },
};
