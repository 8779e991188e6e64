import type { Rng } from './distributions.js';

/** What the scenario says of the survey: the share of finished visitors who answer, and how they answer. */
export interface SurveyBehaviour {
  /** Share (0–1) of visitors finished at a counter who answer on its counter-facing screen. */
  share: number;
  /** Weights of the answers 1–4, the same for each of the nine elements. */
  answers: number[];
}

export interface SurveyFigures {
  share: number;
  /** Visitors the draw picked to answer. */
  asked: number;
  answered: number;
  /** Why an answer was not taken, by error code (or `network`, `no-offer`). */
  failed: Record<string, number>;
  /** The hub's index of the simulated month, from `GET /api/ikm`: as a hall would read it. */
  ikm: { respondents: number; ikm: number | null; grade: string | null; sampleNeeded: number } | undefined;
}

const ELEMENTS = 9;

/**
 * Visitors who rate their visit on the counter-facing screen (`/survey?counter=`), as the tablet does: when a
 * counter finishes a visit, a share of visitors (drawn from the seed) read the screen's offer, which carries
 * the ticket's survey link key, and send nine answers drawn from the scenario's weights.
 */
export class SurveyTakers {
  private readonly pending: Array<Promise<void>> = [];
  private asked = 0;
  private answered = 0;
  private readonly failed: Record<string, number> = {};

  constructor(
    private readonly url: string,
    private readonly behaviour: SurveyBehaviour,
    private readonly rng: Rng,
  ) {}

  /** A counter has just finished a visit. */
  afterFinish(counterId: string): void {
    if (this.behaviour.share <= 0 || this.rng.next() >= this.behaviour.share) return;
    this.asked += 1;
    const answers = Array.from({ length: ELEMENTS }, () => this.draw());
    this.pending.push(this.answer(counterId, answers));
  }

  /** Every answer sent; then the figures, with the hub's index for `period` (`YYYY-MM`). */
  async figures(period: string): Promise<SurveyFigures> {
    await Promise.all(this.pending);
    return {
      share: this.behaviour.share,
      asked: this.asked,
      answered: this.answered,
      failed: { ...this.failed },
      ikm: this.behaviour.share > 0 ? await this.index(period) : undefined,
    };
  }

  private draw(): number {
    const weights = this.behaviour.answers;
    const total = weights.reduce((s, w) => s + w, 0);
    let r = this.rng.next() * total;
    for (let i = 0; i < weights.length; i += 1) {
      r -= weights[i] ?? 0;
      if (r < 0) return i + 1;
    }
    return weights.length;
  }

  private async answer(counterId: string, answers: number[]): Promise<void> {
    try {
      const res = await fetch(`${this.url}/api/survey/counter/${encodeURIComponent(counterId)}`);
      const { offer } = (await res.json()) as {
        offer: { ticketId: string; key: string; rated: boolean } | null;
      };
      if (!offer || offer.rated) return this.fail('no-offer');
      const sent = await fetch(`${this.url}/api/survey`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ticketId: offer.ticketId, key: offer.key, answers }),
      });
      const reply = (await sent.json()) as { ok: boolean; error?: { code: string } };
      if (reply.ok) this.answered += 1;
      else this.fail(reply.error?.code ?? String(sent.status));
    } catch {
      this.fail('network');
    }
  }

  private fail(reason: string): void {
    this.failed[reason] = (this.failed[reason] ?? 0) + 1;
  }

  private async index(period: string): Promise<SurveyFigures['ikm']> {
    try {
      const res = await fetch(`${this.url}/api/ikm?period=${period}`);
      const body = (await res.json()) as {
        report?: {
          overall: {
            sampleNeeded: number;
            ikm: { respondents: number; ikm?: number; grade?: { grade: string } };
          };
        };
      };
      const o = body.report?.overall;
      if (!o) return undefined;
      return {
        respondents: o.ikm.respondents,
        ikm: o.ikm.ikm ?? null,
        grade: o.ikm.grade?.grade ?? null,
        sampleNeeded: o.sampleNeeded,
      };
    } catch {
      return undefined;
    }
  }
}

/** "Survey (SKM): 40 % of finished visitors asked, 212 answered (3 not: no-offer 3); IKM 82.41 (B), …". */
export function surveyLineOf(f: SurveyFigures): string {
  const failed = Object.entries(f.failed)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  const index = f.ikm
    ? f.ikm.ikm === null
      ? `no index yet (${f.ikm.respondents} respondents)`
      : `IKM ${f.ikm.ikm.toFixed(2)} (${f.ikm.grade ?? '?'}), ${f.ikm.respondents} respondents this month, sample needed ${f.ikm.sampleNeeded}`
    : 'the hub gave no index';
  return `Survey (SKM): ${Math.round(f.share * 100)} % of finished visitors asked, ${f.asked} drawn, ${f.answered} answered${
    failed ? ` (not taken: ${failed})` : ''
  }; ${index}`;
}
