import type { DeepReadonly, QueueSnapshot } from '@antre/shared';
import { quantile } from './stats.js';

/** The day's visits of several services (issue 13), as the hub's final state has them. */
export interface VisitFigures {
  visits: number;
  legs: number;
  /** Visits whose every leg was served on the day: the one-visit promise kept. */
  doneInOne: number;
  doneInOnePct: number;
  /** Time in the hall of the visits done in one, issue → last finish, minutes. */
  hallP50: number;
  hallP90: number;
  /** No leg served twice and no leg left active on a finished ticket: checked per visit. */
  legsConsistent: boolean;
}

export function visitFigures(state: DeepReadonly<QueueSnapshot>): VisitFigures {
  const visits = Object.values(state.tickets).filter((t) => t.visit !== undefined);
  const done = visits.filter((t) => t.visit?.legs.every((l) => l.status === 'done'));
  const hall = done.flatMap((t) => (t.endedAt === undefined ? [] : [(t.endedAt - t.issuedAt) / 60_000]));
  const legsConsistent = visits.every((t) => {
    const legs = t.visit?.legs ?? [];
    const services = legs.map((l) => l.serviceId);
    return (
      new Set(services).size === services.length && legs.filter((l) => l.status === 'active').length <= 1
    );
  });
  return {
    visits: visits.length,
    legs: visits.reduce((n, t) => n + (t.visit?.legs.length ?? 0), 0),
    doneInOne: done.length,
    doneInOnePct: visits.length === 0 ? 0 : (100 * done.length) / visits.length,
    hallP50: hall.length === 0 ? 0 : quantile(hall, 0.5),
    hallP90: hall.length === 0 ? 0 : quantile(hall, 0.9),
    legsConsistent,
  };
}
