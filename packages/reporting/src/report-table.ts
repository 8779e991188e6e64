import type { LocalizedText } from '@antre/shared';
import type { Period, ReportFilters } from './report-query.js';

/** How a column's values are typed: in JSON, CSV and as XLSX cells. */
export type ColumnType = 'text' | 'integer' | 'number' | 'percent' | 'minutes' | 'hours' | 'date';

export interface ReportColumn {
  key: string;
  label: LocalizedText;
  type: ColumnType;
}

export type Cell = string | number | null;

export interface ReportTable {
  name: string;
  title: LocalizedText;
  columns: ReportColumn[];
  rows: Array<Record<string, Cell>>;
}

export interface Report {
  id: string;
  title: LocalizedText;
  hall: { id: string; name: string };
  period: Period;
  /** The filters the figures are limited to (an agency's staff: always their agency). */
  filters: ReportFilters;
  tables: ReportTable[];
  /** Definitions and caveats shown with the figures. */
  notes: LocalizedText[];
}

export const col = (key: string, id: string, en: string, type: ColumnType): ReportColumn => ({
  key,
  label: { id, en },
  type,
});
