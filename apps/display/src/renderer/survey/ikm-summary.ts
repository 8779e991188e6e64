import type { IkmGradeLetter, LocalizedText } from '@antre/shared';
import { publishedIkm } from '@antre/shared';

/** What the wall shows of this month's satisfaction index: the figure, its grade and how many answered. */
export interface IkmSummary {
  /** The index as published: two decimals. */
  ikm: number;
  grade: IkmGradeLetter;
  label: LocalizedText;
  respondents: number;
  /** Whether the month has the Krejcie–Morgan sample for its visitors: else the figure is provisional. */
  sampleMet: boolean;
}

/** How often the display asks the hub again: the index moves slowly, and each ask folds the month's log. */
export const IKM_REFRESH_MS = 10 * 60_000;

/**
 * The summary from the hub's `GET /api/ikm` answer (the hub computes the index from the log; the wall only
 * shows it), or undefined when there is no index yet (not every element answered) or the answer is not one.
 */
export function ikmSummaryOf(body: unknown): IkmSummary | undefined {
  if (!isRecord(body) || body['ok'] !== true || !isRecord(body['report'])) return undefined;
  const overall = body['report']['overall'];
  if (!isRecord(overall) || !isRecord(overall['ikm'])) return undefined;
  const { ikm, grade, respondents } = overall['ikm'];
  if (typeof ikm !== 'number' || !Number.isFinite(ikm) || typeof respondents !== 'number') return undefined;
  if (!isRecord(grade) || !isRecord(grade['label'])) return undefined;
  const letter = grade['grade'];
  const { id, en } = grade['label'];
  if (!isGrade(letter) || typeof id !== 'string' || typeof en !== 'string') return undefined;
  return {
    ikm: publishedIkm(ikm),
    grade: letter,
    label: { id, en },
    respondents,
    sampleMet: overall['sampleMet'] === true,
  };
}

function isGrade(value: unknown): value is IkmGradeLetter {
  return value === 'A' || value === 'B' || value === 'C' || value === 'D';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
