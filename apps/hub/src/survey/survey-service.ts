import { createHmac } from 'node:crypto';
import type {
  EventEnvelope,
  FinishedVisit,
  HallConfig,
  IkmReport,
  Principal,
  IkmScope,
  Reply,
  SurveyLedgerState,
  VisitStanding,
} from '@antre/shared';
import {
  IkmReportBuilder,
  SURVEY_LEDGER_EVENT_TYPES,
  SurveyLedger,
  authorizeSurveyFollowUp,
  authorizeSurveyResponse,
  decideFollowUp,
  decideSurveyResponse,
  domainError,
  hallDay,
  monthOf,
  periodDays,
} from '@antre/shared';
import type { QueueService } from '../queue-service.js';
import type { EventStore } from '../store/event-store.js';
import { decodeLedger, encodeLedger } from '../store/survey-snapshot-codec.js';
import { SurveyLinkKeys } from './survey-link.js';

const HOUR = 3_600_000;
/** A visit's ticket is issued on the visit's day: replaying one day more than the window finds its issue. */
const REPLAY_MARGIN_MS = 26 * HOUR;

/** Where a ticket stands for its survey, as the ticket page and the counter-facing screen ask. */
export interface SurveyOffer {
  visit: FinishedVisit;
  rated: boolean;
  /** When the survey of this visit closes. */
  closesAt: number;
}

/**
 * The survey at the hub's edge: the ledger of rateable visits kept from the log, responses and follow-up
 * plans decided by the domain and authorised by the policy, then appended to the one log through the queue
 * service, and the IKM report folded from the log.
 */
export class SurveyService {
  private readonly ledger: SurveyLedger;
  private readonly key: string;
  private readonly links: SurveyLinkKeys;

  constructor(
    private readonly store: EventStore,
    private readonly queue: QueueService,
    private readonly config: HallConfig,
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {
    this.key = store.meta('survey_key') ?? '';
    if (this.key === '') throw new Error('the store has no survey key (migration 6)');
    this.links = new SurveyLinkKeys(this.key);
    const windowMs = config.survey.windowHours * HOUR;
    const restored = this.restoreSnapshot(windowMs);
    this.restoredFrom = restored?.seq;
    this.ledger = restored?.ledger ?? new SurveyLedger(windowMs);
    const events = restored
      ? store.streamAfter(restored.seq, SURVEY_LEDGER_EVENT_TYPES)
      : store.streamSince(queue.now() - windowMs - REPLAY_MARGIN_MS, SURVEY_LEDGER_EVENT_TYPES);
    for (const e of events) this.ledger.apply(e);
    // What the window has passed goes now, so that the ledger is the same from a snapshot as from the log.
    this.ledger.sweep(queue.now());
  }

  /** The event the ledger's snapshot stood at when the hub started (undefined: it replayed its window). */
  readonly restoredFrom: number | undefined;

  /** The ledger of the newest snapshot that holds one and fits the log and the window, if any. */
  private restoreSnapshot(windowMs: number): { seq: number; ledger: SurveyLedger } | undefined {
    const stored = this.store.snapshots.latestSurvey();
    // A snapshot ahead of the log belongs to a log this store no longer has (a backup restored over it).
    if (!stored || stored.seq > this.store.lastSeq()) return undefined;
    try {
      // Copied a turn after the day was packed: its own event, at or after the day's.
      const { seq, state } = decodeLedger(stored.survey);
      const ledger =
        seq >= stored.seq && seq <= this.store.lastSeq() ? SurveyLedger.own(windowMs, state) : undefined;
      return ledger && { seq, ledger };
    } catch {
      // Unreadable (cut short, another shape): the log has it all.
      return undefined;
    }
  }

  /**
   * Copies the ledger as it stands, at event `seq` (the queue's now: the ledger observes every event in the
   * same synchronous run as the day, so it stands there too); what it returns encodes the copy, later, where
   * the snapshot is stored.
   */
  snapshot(seq: number): () => Uint8Array {
    const state = this.ledger.state();
    return () => encodeLedger(state, seq);
  }

  /** The ledger as plain data, copied (to compare a restored ledger with a replayed one). */
  ledgerState(): SurveyLedgerState {
    return this.ledger.state();
  }

  /** Every event the log takes, in order (the hub's broadcast hook), including the survey's own. */
  observe(events: readonly EventEnvelope[]): void {
    for (const e of events) this.ledger.apply(e);
  }

  private visitKey(ticketId: string): string {
    return createHmac('sha256', this.key).update(ticketId).digest('hex').slice(0, 32);
  }

  /** The key of this ticket's survey link (`/t/:id?k=`): printed in its QR code, asked for on an answer. */
  linkKey(ticketId: string): string {
    return this.links.keyOf(ticketId);
  }

  /** Whether `key` opens this ticket's survey. */
  linkOpens(ticketId: string, key: unknown): boolean {
    return this.links.verify(ticketId, key);
  }

  private windowMs(): number {
    return this.config.survey.windowHours * HOUR;
  }

  standing(ticketId: string): VisitStanding {
    return this.ledger.standing(ticketId);
  }

  /** The survey this ticket's page should show now, if any: a finished visit, in its window. */
  offerFor(ticketId: string): SurveyOffer | undefined {
    if (!this.config.survey.enabled) return undefined;
    const standing = this.ledger.standing(ticketId);
    if (standing.kind !== 'finished') return undefined;
    const closesAt = standing.visit.finishedAt + this.windowMs();
    if (this.queue.now() > closesAt) return undefined;
    return { visit: standing.visit, rated: this.ledger.isRated(this.visitKey(ticketId)), closesAt };
  }

  /** The visit the counter-facing screen of `counterId` should ask about now, if any. */
  offerAtCounter(counterId: string): SurveyOffer | undefined {
    if (!this.config.survey.enabled) return undefined;
    const within = this.config.survey.counterOfferSeconds * 1000;
    const visit = this.ledger.latestAt(counterId, this.queue.now(), within);
    return visit ? this.offerFor(visit.ticketId) : undefined;
  }

  /**
   * A citizen's response, with the ticket's link key: authorised, decided, logged and announced; or refused
   * with nothing logged. A wrong or missing key is refused before anything else is looked at, so it tells
   * nothing of the ticket (whether it exists, ended, or was rated).
   */
  submit(principal: Principal, input: unknown, linkKey: unknown): Reply<{ responseId: string; seq: number }> {
    const refusal = authorizeSurveyResponse(principal);
    if (refusal) return { ok: false, error: refusal };
    const ticketId = ticketIdOf(input);
    if (ticketId === undefined) {
      return { ok: false, error: domainError('VALIDATION_FAILED', 'ticketId: a ticket id is needed') };
    }
    if (!this.links.verify(ticketId, linkKey)) {
      return {
        ok: false,
        error: domainError('SURVEY_LINK_INVALID', "the survey needs the ticket's link key (k)"),
      };
    }
    const visitKey = this.visitKey(ticketId);
    const decision = decideSurveyResponse(input, {
      standing: this.ledger.standing(ticketId),
      answered: this.ledger.isRated(visitKey),
      settings: this.config.survey,
      agencyOf: (serviceId) => this.config.services.find((s) => s.id === serviceId)?.agencyId,
      now: this.queue.now(),
      responseId: this.newId(),
      visitKey,
    });
    if (!decision.ok) return decision;
    const [logged] = this.queue.append([decision.event]);
    return { ok: true, responseId: decision.event.responseId, seq: logged?.seq ?? this.queue.state.seq };
  }

  /** A supervisor's follow-up plan for a weak element. */
  recordFollowUp(principal: Principal, input: unknown): Reply<{ seq: number }> {
    const refusal = authorizeSurveyFollowUp(principal);
    if (refusal || principal.kind !== 'staff') {
      return { ok: false, error: refusal ?? domainError('UNAUTHENTICATED', 'sign in') };
    }
    const decision = decideFollowUp(input, principal.staff.username, (id) =>
      this.config.agencies.some((a) => a.id === id),
    );
    if (!decision.ok) return decision;
    const [logged] = this.queue.append([decision.event]);
    return { ok: true, seq: logged?.seq ?? this.queue.state.seq };
  }

  /** The IKM report of a period (this month by default), folded from the log. */
  report(period: string | undefined, scope: IkmScope = {}): Reply<{ report: IkmReport }> {
    const name = period ?? monthOf(hallDay(this.queue.now(), this.config.hall.timeZone));
    const days = periodDays(name);
    if (!days) {
      return { ok: false, error: domainError('VALIDATION_FAILED', 'period: 2026, 2026-Q4 or 2026-12') };
    }
    const builder = new IkmReportBuilder(this.config, name, days, scope);
    const answerDays = Math.ceil(this.config.survey.windowHours / 24) + 1;
    for (const e of this.store.streamSurveyPeriod(days.from, days.to, answerDays)) builder.add(e);
    return { ok: true, report: builder.build() };
  }
}

function ticketIdOf(input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null || !('ticketId' in input)) return undefined;
  const id = input.ticketId;
  return typeof id === 'string' && id.length > 0 && id.length <= 64 ? id : undefined;
}
