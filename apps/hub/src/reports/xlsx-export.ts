import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { HallConfig } from '@antre/shared';
import type { Cell, ColumnType, RawColumn, Report, ReportQuery, ReportStore } from '@antre/reporting';
import { LEG_COLUMNS_RAW, VISIT_COLUMNS } from '@antre/reporting';
import type { RawKind } from './raw-export.js';
import { rawRowQuery } from './raw-export.js';

/**
 * XLSX with exceljs: real typed cells (numbers as numbers, percentages as fractions formatted `0.0%`, dates as
 * dates), one sheet per table of the report and a last sheet saying what the figures are (hall, period,
 * filters, definitions). exceljs because it is MIT, typed, maintained on npm, and streams large sheets
 * (the raw rows of a year); SheetJS's npm package stopped at 0.18.5 with advisories fixed only off npm.
 */
export async function reportToXlsx(report: Report): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Antre';
  for (const table of report.tables) {
    const ws = wb.addWorksheet(sheetName(table.title.id));
    ws.columns = table.columns.map((c) => ({
      header: c.label.id,
      key: c.key,
      width: Math.min(40, Math.max(10, c.label.id.length + 2)),
    }));
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    for (const row of table.rows) {
      const values = table.columns.map((c) => cellValue(row[c.key] ?? null, c.type));
      const added = ws.addRow(values);
      table.columns.forEach((c, i) => {
        const fmt = NUM_FMT[c.type];
        if (fmt) added.getCell(i + 1).numFmt = fmt;
      });
    }
  }
  const info = wb.addWorksheet('Keterangan');
  info.columns = [{ width: 24 }, { width: 100 }];
  info.addRow(['Laporan', `${report.title.id} / ${report.title.en}`]);
  info.addRow(['Mal Pelayanan Publik', report.hall.name]);
  info.addRow(['Periode', `${report.period.from} s.d. ${report.period.to} (${report.period.days} hari)`]);
  for (const [k, v] of Object.entries(report.filters))
    if (v !== undefined) info.addRow([`Filter ${k}`, String(v)]);
  for (const note of report.notes) info.addRow(['Catatan', `${note.id} — ${note.en}`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The raw rows of a period, streamed into sheets of up to a million rows each. */
export async function rawToXlsx(
  store: ReportStore,
  kind: RawKind,
  query: ReportQuery,
  config: HallConfig,
): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const q = rawRowQuery(query, config);
  const write = <R>(title: string, columns: RawColumn<R>[]) => {
    let ws: ExcelJS.Worksheet | undefined;
    let rows = 0;
    let sheets = 0;
    return (row: R) => {
      if (!ws || rows >= MAX_SHEET_ROWS) {
        ws?.commit();
        sheets += 1;
        ws = wb.addWorksheet(sheets === 1 ? title : `${title} ${sheets}`);
        ws.columns = columns.map((c) => ({ header: c.label.id, key: c.key, width: 16 }));
        rows = 0;
      }
      const r = ws.addRow(columns.map((c) => cellValue(c.value(row, config), c.type)));
      columns.forEach((c, i) => {
        const fmt = NUM_FMT[c.type];
        if (fmt) r.getCell(i + 1).numFmt = fmt;
      });
      r.commit();
      rows += 1;
    };
  };
  if (kind === 'visits') {
    const add = write('Kunjungan', VISIT_COLUMNS);
    const n = await store.eachVisit(q, add);
    if (n === 0)
      wb.addWorksheet('Kunjungan')
        .addRow(VISIT_COLUMNS.map((c) => c.label.id))
        .commit();
  } else {
    const add = write('Transaksi', LEG_COLUMNS_RAW);
    const n = await store.eachLeg(q, add);
    if (n === 0)
      wb.addWorksheet('Transaksi')
        .addRow(LEG_COLUMNS_RAW.map((c) => c.label.id))
        .commit();
  }
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}

/** Excel's limit is 1,048,576 rows a sheet, the header included. */
const MAX_SHEET_ROWS = 1_000_000;

const NUM_FMT: Partial<Record<ColumnType, string>> = {
  percent: '0.0%',
  minutes: '0.0',
  hours: '0.0',
  number: '0.0',
  integer: '0',
  date: 'yyyy-mm-dd',
};

function cellValue(v: Cell, type: ColumnType): ExcelJS.CellValue {
  if (v === null) return null;
  if (type === 'percent' && typeof v === 'number') return v / 100;
  if (type === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v))
    return new Date(`${v}T00:00:00Z`);
  return v;
}

/** Sheet names: at most 31 characters, none of `\ / ? * [ ] :`. */
function sheetName(title: string): string {
  return title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31);
}
