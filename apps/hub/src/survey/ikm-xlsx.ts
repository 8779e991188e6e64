import ExcelJS from 'exceljs';
import type { HallConfig, IkmReport, IkmResult, ScopedIkm } from '@antre/shared';
import {
  IKM_SCALE,
  PROFILE_FIELDS,
  PROFILE_QUESTIONS,
  SKM_ELEMENTS,
  ikmGrade,
  profileOptions,
  publishedIkm,
} from '@antre/shared';

/**
 * The IKM report as the workbook a hall files and publishes (Permenpan RB 14/2017): per element its NRR, the
 * weighted NRR (× 1/9 exactly) and its converted value and grade; the index, its grade and the unit's
 * performance; respondents against the minimum sample; the same per agency, service and counter; the
 * respondent profile; the follow-up plans. Numbers are number cells (full precision, shown to 2 or 3
 * decimals), so a checker can recompute the index in the sheet. exceljs, as the hub's other reports.
 */
export async function ikmToXlsx(config: HallConfig, report: IkmReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Antre';
  summarySheet(wb, config, report);
  unitSheet(wb, config, report);
  profileSheet(wb, report);
  followUpSheet(wb, report);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const BOLD = { bold: true } as const;
const NRR_FMT = '0.000';
const IKM_FMT = '0.00';

function summarySheet(wb: ExcelJS.Workbook, config: HallConfig, report: IkmReport): void {
  const ws = wb.addWorksheet('IKM');
  ws.columns = [
    { width: 8 },
    { width: 46 },
    { width: 12 },
    { width: 12 },
    { width: 16 },
    { width: 14 },
    { width: 10 },
  ];
  const o = report.overall;
  ws.addRow(['Indeks Kepuasan Masyarakat (IKM) · Public Satisfaction Index']).font = { bold: true, size: 14 };
  ws.addRow(['Menurut Permenpan RB Nomor 14 Tahun 2017']);
  ws.addRow([]);
  const facts: Array<[string, string | number]> = [
    ['Unit pelayanan', config.hall.name],
    ['Lingkup', scopeText(config, report)],
    ['Periode', `${report.period} (${report.from} s.d. ${report.to})`],
    ['Jumlah responden', o.ikm.respondents],
    ['Pengunjung dilayani', o.visitors],
    ['Sampel minimal (Krejcie–Morgan)', o.sampleNeeded],
    ['Sampel terpenuhi', o.sampleMet ? 'Ya' : 'Tidak: indeks belum mewakili pengunjung periode ini'],
  ];
  for (const [label, value] of facts) {
    const row = ws.addRow(['', label, value]);
    row.getCell(2).font = BOLD;
    row.getCell(3).alignment = { horizontal: 'left' };
  }
  ws.addRow([]);
  const head = ws.addRow([
    'Unsur',
    'Uraian',
    'Jawaban',
    'NRR',
    'NRR tertimbang (× 1/9)',
    'Konversi (× 25)',
    'Mutu',
  ]);
  head.font = BOLD;
  const firstElementRow = head.number + 1;
  SKM_ELEMENTS.forEach((e, i) => {
    const score = o.ikm.elements[i];
    const nrr = score?.nrr;
    const row = ws.addRow([
      e.id,
      e.topic.id,
      score?.answered ?? 0,
      nrr ?? null,
      score?.weighted ?? null,
      nrr === undefined ? null : nrr * IKM_SCALE,
      nrr === undefined ? '–' : ikmGrade(nrr * IKM_SCALE).grade,
    ]);
    row.getCell(4).numFmt = NRR_FMT;
    row.getCell(5).numFmt = NRR_FMT;
    row.getCell(6).numFmt = IKM_FMT;
  });
  const lastElementRow = firstElementRow + SKM_ELEMENTS.length - 1;
  const sum = ws.addRow(['', 'Jumlah NRR tertimbang', '', '', sumOf(o.ikm) ?? null]);
  sum.font = BOLD;
  sum.getCell(5).numFmt = NRR_FMT;
  ws.addRow([]);
  const ikm = o.ikm.ikm;
  const result: Array<[string, ExcelJS.CellValue, string?]> = [
    ['IKM unit pelayanan (Σ NRR tertimbang × 25)', ikm ?? 'belum dapat dihitung', IKM_FMT],
    ['IKM yang diumumkan (2 desimal)', ikm === undefined ? '–' : publishedIkm(ikm), IKM_FMT],
    ['Mutu pelayanan', o.ikm.grade?.grade ?? '–'],
    ['Kinerja unit pelayanan', o.ikm.grade ? `${o.ikm.grade.label.id} (${o.ikm.grade.label.en})` : '–'],
    [
      'Unsur terendah (prioritas perbaikan)',
      o.ikm.weakest
        .map((id) => `${id} ${SKM_ELEMENTS.find((e) => e.id === id)?.topic.id ?? ''}`)
        .join(', ') || '–',
    ],
  ];
  for (const [label, value, fmt] of result) {
    const row = ws.addRow(['', label, value]);
    row.getCell(2).font = BOLD;
    if (fmt && typeof value === 'number') row.getCell(3).numFmt = fmt;
  }
  ws.addRow([]);
  ws.addRow([
    '',
    `NRR = rata-rata jawaban yang diberikan pada unsur itu (jawaban kosong tidak dihitung); baris ${firstElementRow}–${lastElementRow}.`,
  ]);
  ws.addRow([
    '',
    'Mutu: A 88,31–100 Sangat Baik · B 76,61–88,30 Baik · C 65,00–76,60 Kurang Baik · D 25,00–64,99 Tidak Baik',
  ]);
}

function unitSheet(wb: ExcelJS.Workbook, config: HallConfig, report: IkmReport): void {
  const ws = wb.addWorksheet('Per unit');
  const elementIds = SKM_ELEMENTS.map((e) => `NRR ${e.id}`);
  ws.columns = [
    { header: 'Jenis', width: 10 },
    { header: 'Unit', width: 40 },
    { header: 'IKM', width: 9 },
    { header: 'Mutu', width: 7 },
    { header: 'Kinerja', width: 14 },
    { header: 'Responden', width: 11 },
    { header: 'Pengunjung', width: 11 },
    { header: 'Sampel minimal', width: 14 },
    { header: 'Sampel terpenuhi', width: 15 },
    ...elementIds.map((header) => ({ header, width: 9 })),
  ];
  ws.getRow(1).font = BOLD;
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const add = (kind: string, name: string, r: ScopedIkm) => {
    const row = ws.addRow([
      kind,
      name,
      r.ikm.ikm ?? null,
      r.ikm.grade?.grade ?? '–',
      r.ikm.grade?.label.id ?? '–',
      r.ikm.respondents,
      r.visitors,
      r.sampleNeeded,
      r.sampleMet ? 'Ya' : 'Tidak',
      ...r.ikm.elements.map((e) => e.nrr ?? null),
    ]);
    row.getCell(3).numFmt = IKM_FMT;
    for (let i = 0; i < SKM_ELEMENTS.length; i += 1) row.getCell(10 + i).numFmt = NRR_FMT;
  };
  add('Seluruh', config.hall.name, report.overall);
  for (const r of report.byAgency)
    add('Instansi', config.agencies.find((a) => a.id === r.id)?.name ?? r.id, r);
  for (const r of report.byService)
    add('Layanan', config.services.find((s) => s.id === r.id)?.name.id ?? r.id, r);
  for (const r of report.byCounter)
    add('Loket', `Loket ${config.counters.find((c) => c.id === r.id)?.name ?? r.id}`, r);
}

function profileSheet(wb: ExcelJS.Workbook, report: IkmReport): void {
  const ws = wb.addWorksheet('Profil responden');
  ws.columns = [
    { header: 'Pertanyaan', width: 24 },
    { header: 'Jawaban', width: 28 },
    { header: 'Jumlah', width: 10 },
  ];
  ws.getRow(1).font = BOLD;
  for (const field of PROFILE_FIELDS) {
    const labels = new Map(profileOptions(field).map((o) => [o.value, o.label.id]));
    for (const r of report.profile[field]) {
      ws.addRow([PROFILE_QUESTIONS[field].id, labels.get(r.value) ?? r.value, r.count]);
    }
  }
}

function followUpSheet(wb: ExcelJS.Workbook, report: IkmReport): void {
  const ws = wb.addWorksheet('Tindak lanjut');
  ws.columns = [
    { header: 'Unsur', width: 30 },
    { header: 'Tindakan', width: 50 },
    { header: 'Penanggung jawab', width: 24 },
    { header: 'Batas waktu', width: 12 },
    { header: 'Status', width: 10 },
  ];
  ws.getRow(1).font = BOLD;
  for (const p of report.followUps) {
    const topic = SKM_ELEMENTS.find((e) => e.id === p.element)?.topic.id ?? '';
    ws.addRow([`${p.element} ${topic}`, p.action, p.owner, p.due, p.done ? 'Selesai' : 'Berjalan']);
  }
}

function sumOf(result: IkmResult): number | undefined {
  if (result.elements.some((e) => e.weighted === undefined)) return undefined;
  return result.elements.reduce((s, e) => s + (e.weighted ?? 0), 0);
}

function scopeText(config: HallConfig, report: IkmReport): string {
  const { agencyId, serviceId, counterId } = report.scope;
  const parts: string[] = [];
  if (agencyId) parts.push(`Instansi ${config.agencies.find((a) => a.id === agencyId)?.name ?? agencyId}`);
  if (serviceId)
    parts.push(`Layanan ${config.services.find((s) => s.id === serviceId)?.name.id ?? serviceId}`);
  if (counterId) parts.push(`Loket ${config.counters.find((c) => c.id === counterId)?.name ?? counterId}`);
  return parts.length ? parts.join(' · ') : 'Seluruh mal pelayanan publik';
}
