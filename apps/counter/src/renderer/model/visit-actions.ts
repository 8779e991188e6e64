import type { ConnectionStatus } from '@antre/client';
import type {
  Command,
  DayView,
  DomainError,
  LocalizedText,
  Principal,
  QueueConfig,
  ReadonlyTicket,
} from '@antre/shared';
import { commandVerdict } from '@antre/shared';
import { actionReason } from '../text/action-reason-text.js';
import { T, fill } from '../text/ui-text.js';
import { VISIT_TEXT } from '../text/visit-text.js';

/** A visit command the counter offers, with the hub's verdict on it now (a dry run of policy and engine). */
export interface VisitOffer<C extends Command = Command> {
  command: C;
  enabled: boolean;
  /** Why it is disabled. */
  reason?: LocalizedText;
}

export interface LegOffers {
  leg: number;
  skip: VisitOffer;
  /** Take this leg one place earlier, or later, among the legs still to go. */
  earlier?: VisitOffer;
  later?: VisitOffer;
}

export interface VisitOffers {
  /** One offer per service the visit does not already hold, in the hall's order. */
  add: VisitOffer<Extract<Command, { type: 'addVisitLeg' }>>[];
  /** Whether any service can be added now, and if not, why (the first refusal). */
  canAdd: { enabled: boolean; reason?: LocalizedText };
  legs: LegOffers[];
  /** A no-show that cancels the legs still to go (`noShow` with `endVisit`), confirmed in its dialog. */
  end: VisitOffer;
}

export interface VisitSituation {
  principal: Principal;
  config: QueueConfig;
  day: DayView;
  now: number;
  counterId: string;
  connection: ConnectionStatus;
}

/**
 * The order the legs still to go are taken in, as staff see it: the order they set first (`sequence`), then
 * the others in plan order. Reordering moves one leg in this list.
 */
export function pendingOrder(ticket: ReadonlyTicket): number[] {
  const plan = ticket.visit;
  if (!plan) return [];
  const pending = plan.legs.flatMap((l, i) => (l.status === 'pending' ? [i] : []));
  const set = (plan.sequence ?? []).filter((i) => pending.includes(i));
  return [...set, ...pending.filter((i) => !set.includes(i))];
}

/** Why a visit command is refused, in a few words: a package's order names its two services. */
function visitReason(refusal: DomainError, config: QueueConfig): LocalizedText {
  const { before, after } = refusal.details ?? {};
  if (refusal.code === 'INVALID_VISIT' && typeof before === 'string' && typeof after === 'string') {
    const name = (id: string): LocalizedText =>
      config.services.find((s) => s.id === id)?.name ?? { id, en: id };
    return fill(VISIT_TEXT.packageOrder, { a: name(before), b: name(after) });
  }
  return actionReason(refusal);
}

/**
 * What staff can do to the visit of the ticket at the counter, each offer judged by `commandVerdict` on the
 * mirror exactly as the desk's buttons are: add a leg (a ticket for one service becomes a visit), skip a leg
 * still to go, move one earlier or later, or end the visit at a no-show. Offline nothing is offered.
 */
export function visitOffers(s: VisitSituation, ticket: ReadonlyTicket): VisitOffers {
  const ctx = { config: s.config, day: s.day, now: s.now };
  const judge = <C extends Command>(command: C): VisitOffer<C> => {
    if (s.connection !== 'online') return { command, enabled: false, reason: T.needsConnection };
    const refusal = commandVerdict(s.principal, command, ctx);
    return refusal
      ? { command, enabled: false, reason: visitReason(refusal, s.config) }
      : { command, enabled: true };
  };
  const counterId = s.counterId;
  const plan = ticket.visit;
  const held = new Set(plan ? plan.legs.map((l) => l.serviceId) : [ticket.serviceId]);
  const add = s.config.services
    .filter((service) => !held.has(service.id))
    .map((service) =>
      judge({ type: 'addVisitLeg' as const, counterId, ticketId: ticket.id, serviceId: service.id }),
    );
  const firstAdd = add.find((o) => o.enabled) ?? add[0];
  const canAdd = firstAdd?.enabled
    ? { enabled: true }
    : { enabled: false, reason: firstAdd?.reason ?? VISIT_TEXT.nothingToAdd };

  const order = pendingOrder(ticket);
  const legs: LegOffers[] = [];
  plan?.legs.forEach((l, leg) => {
    if (leg === plan.current || (l.status !== 'pending' && l.status !== 'missed')) return;
    const offers: LegOffers = {
      leg,
      skip: judge({ type: 'skipVisitLeg', counterId, ticket: ticket.id, leg }),
    };
    const at = order.indexOf(leg);
    if (at >= 0) {
      const moved = (to: number) => {
        const legsInOrder = order.filter((i) => i !== leg);
        legsInOrder.splice(to, 0, leg);
        return judge({ type: 'reorderVisitLegs', counterId, ticket: ticket.id, legs: legsInOrder });
      };
      if (at > 0) offers.earlier = moved(at - 1);
      if (at < order.length - 1) offers.later = moved(at + 1);
    }
    legs.push(offers);
  });

  const end = judge({
    type: 'noShow',
    counterId,
    ticketId: ticket.id,
    endVisit: true,
    confirm: true,
  } satisfies Command);
  const legsToGo = plan?.legs.some(
    (l, i) => i !== plan.current && (l.status === 'pending' || l.status === 'missed'),
  );
  return {
    add,
    canAdd,
    legs,
    end: legsToGo || !end.enabled ? end : { ...end, enabled: false, reason: VISIT_TEXT.noLegsToEnd },
  };
}
