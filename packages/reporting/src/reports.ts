import type { HallConfig, LocalizedText } from '@antre/shared';
import { bookingsTable } from './booking-report.js';
import type { LegStat, VisitStat } from './day-rollup.js';
import { emptyLegStat } from './day-rollup.js';
import { percentile } from './duration-histogram.js';
import { hours, meanMinutes, minutes, percent } from './figure-rules.js';
import type { FigureContext, Grouping } from './report-figures.js';
import {
  legStats,
  openSeconds,
  sessions,
  slotStats,
  sumLegs,
  sumVisits,
  visitStats,
} from './report-figures.js';
import { dayString, weekdayOf } from './report-rows.js';
import type { Cell, Report, ReportColumn, ReportTable } from './report-table.js';
import { col } from './report-table.js';

/** Every report the hub (and the central service) serves, by id. */
export const REPORT_IDS = [
  'summary',
  'services',
  'agencies',
  'counters',
  'staff',
  'priority-groups',
  'origins',
  'days',
  'heatmap',
  'queue-length',
  'visits',
  'monthly-summary',
  'bookings',
] as const;
export type ReportId = (typeof REPORT_IDS)[number];

export const REPORT_TITLES: Record<ReportId, LocalizedText> = {
  summary: { id: 'Ringkasan', en: 'Summary' },
  services: { id: 'Per layanan', en: 'By service' },
  agencies: { id: 'Per instansi', en: 'By agency' },
  counters: { id: 'Per loket', en: 'By counter' },
  staff: { id: 'Per petugas', en: 'By staff member' },
  'priority-groups': { id: 'Per kelompok prioritas', en: 'By priority group' },
  origins: { id: 'Per asal tiket', en: 'By ticket origin' },
  days: { id: 'Per hari', en: 'By day' },
  heatmap: { id: 'Kedatangan per jam dan hari', en: 'Arrivals by hour and weekday' },
  'queue-length': { id: 'Panjang antrean sepanjang hari', en: 'Queue length over the day' },
  visits: { id: 'Kunjungan', en: 'Visits' },
  'monthly-summary': { id: 'Laporan bulanan MPP', en: 'Monthly hall summary' },
  bookings: { id: 'Janji temu', en: 'Appointments' },
};

export function isReportId(id: string): id is ReportId {
  return (REPORT_IDS as readonly string[]).includes(id);
}

const NOTES: LocalizedText[] = [
  {
    id: 'Waktu tunggu: dari masuk antrean (ambil tiket atau dialihkan) sampai dipanggil pertama kali. Waktu layanan: dari mulai dilayani (atau panggilan terakhir) sampai selesai, untuk transaksi yang dilayani. Target: menit target layanan di konfigurasi. Persentil dibaca pada kisi 15 detik (sampai 10 menit) dan 1 menit (sampai 1 jam).',
    en: 'Wait: from joining the queue (ticket taken or transferred) to the first call. Service time: from the start of service (or the last call) to the finish, for served transactions. Target: the service’s target minutes in the config. Percentiles are read on a 15-second grid (up to 10 minutes) and a 1-minute grid (up to 1 hour).',
  },
];

/** Runs one report. */
export async function runReport(id: ReportId, ctx: FigureContext): Promise<Report> {
  const tables = await tablesOf(id, ctx);
  return {
    id,
    title: REPORT_TITLES[id],
    hall: { id: ctx.config.hall.id, name: ctx.config.hall.name },
    period: ctx.query.period,
    filters: ctx.query.filters,
    tables,
    notes: NOTES,
  };
}

async function tablesOf(id: ReportId, ctx: FigureContext): Promise<ReportTable[]> {
  switch (id) {
    case 'summary':
      return [await summaryTable(ctx)];
    case 'services':
      return [await breakdown(ctx, 'service')];
    case 'agencies':
      return [await breakdown(ctx, 'agency')];
    case 'counters':
      return [await breakdown(ctx, 'counter')];
    case 'staff':
      return [await breakdown(ctx, 'staff')];
    case 'priority-groups':
      return [await breakdown(ctx, 'priority')];
    case 'origins':
      return [await breakdown(ctx, 'origin')];
    case 'days':
      return [await breakdown(ctx, 'day')];
    case 'heatmap':
      return [await heatmapTable(ctx)];
    case 'queue-length':
      return [await queueLengthTable(ctx)];
    case 'visits':
      return [await visitsTable(ctx)];
    case 'monthly-summary':
      return [await summaryTable(ctx), await breakdown(ctx, 'agency'), await breakdown(ctx, 'service')];
    case 'bookings':
      return [await bookingsTable(ctx)];
  }
}

const GROUP_LABEL: Record<Grouping, LocalizedText> = {
  total: { id: 'Total', en: 'Total' },
  service: { id: 'Layanan', en: 'Service' },
  agency: { id: 'Instansi', en: 'Agency' },
  counter: { id: 'Loket', en: 'Counter' },
  staff: { id: 'Petugas', en: 'Staff member' },
  priority: { id: 'Kelompok prioritas', en: 'Priority group' },
  origin: { id: 'Asal tiket', en: 'Ticket origin' },
  day: { id: 'Tanggal', en: 'Date' },
};

export const PRIORITY_LABELS: Record<string, LocalizedText> = {
  none: { id: 'Umum', en: 'Regular' },
  elderly: { id: 'Lansia', en: 'Elderly' },
  disability: { id: 'Penyandang disabilitas', en: 'Disability' },
  pregnant: { id: 'Ibu hamil', en: 'Pregnant' },
  child: { id: 'Anak', en: 'Child' },
  disaster: { id: 'Korban bencana', en: 'Disaster victim' },
};

export const ORIGIN_LABELS: Record<string, LocalizedText> = {
  kiosk: { id: 'Kios', en: 'Kiosk' },
  offline: { id: 'Kios (luring)', en: 'Kiosk (offline)' },
  appointment: { id: 'Janji temu', en: 'Appointment' },
  staff: { id: 'Petugas', en: 'Staff' },
  online: { id: 'Daring', en: 'Online' },
};

/** The name a group key is shown with (Indonesian; the key itself is the column before it). */
export function groupName(grouping: Grouping, key: string, config: HallConfig): string {
  switch (grouping) {
    case 'total':
      return 'Total';
    case 'service':
      return config.services.find((s) => s.id === key)?.name.id ?? key;
    case 'agency':
      return config.agencies.find((a) => a.id === key)?.shortName ?? key;
    case 'counter': {
      const c = config.counters.find((x) => x.id === key);
      return key === '' ? '(belum dipanggil)' : c ? `Loket ${c.name}` : key;
    }
    case 'staff':
      return key === '' ? '(tidak diketahui)' : (config.staff.find((s) => s.username === key)?.name ?? key);
    case 'priority':
      return PRIORITY_LABELS[key]?.id ?? key;
    case 'origin':
      return ORIGIN_LABELS[key]?.id ?? key;
    case 'day':
      return dayString(Number(key));
  }
}

const LEG_COLUMNS: ReportColumn[] = [
  col('transactions', 'Transaksi', 'Transactions', 'integer'),
  col('served', 'Dilayani', 'Served', 'integer'),
  col('servedPct', '% dilayani', '% served', 'percent'),
  col('noShow', 'Tidak hadir', 'No-show', 'integer'),
  col('transferred', 'Dialihkan', 'Transferred', 'integer'),
  col('cancelled', 'Dibatalkan', 'Cancelled', 'integer'),
  col('expired', 'Kedaluwarsa', 'Expired', 'integer'),
  col('open', 'Masih berjalan', 'In progress', 'integer'),
  col('waitMean', 'Tunggu rata-rata (menit)', 'Mean wait (min)', 'minutes'),
  col('waitP50', 'Tunggu p50 (menit)', 'Wait p50 (min)', 'minutes'),
  col('waitP90', 'Tunggu p90 (menit)', 'Wait p90 (min)', 'minutes'),
  col('waitMax', 'Tunggu maks. (menit)', 'Max wait (min)', 'minutes'),
  col('waitOverPct', '% tunggu > target', '% waits over target', 'percent'),
  col('serviceMean', 'Layanan rata-rata (menit)', 'Mean service time (min)', 'minutes'),
  col('serviceP90', 'Layanan p90 (menit)', 'Service time p90 (min)', 'minutes'),
  col('serviceOverPct', '% layanan > target', '% service over target', 'percent'),
  col('walkMean', 'Jalan ke loket rata-rata (menit)', 'Mean walk time (min)', 'minutes'),
  col('recalls', 'Panggilan ulang', 'Recalls', 'integer'),
];

const COUNTER_COLUMNS: ReportColumn[] = [
  col('openHours', 'Jam buka', 'Hours open', 'hours'),
  col('utilisationPct', '% utilisasi', '% utilisation', 'percent'),
];

export function legCells(s: LegStat): Record<string, Cell> {
  const ended = s.served + s.noShow + s.transferred + s.cancelled + s.expired;
  return {
    transactions: s.legs,
    served: s.served,
    servedPct: percent(s.served, ended),
    noShow: s.noShow,
    transferred: s.transferred,
    cancelled: s.cancelled,
    expired: s.expired,
    open: s.legs - ended,
    waitMean: meanMinutes(s.waitSum, s.waitN),
    waitP50: minutes(percentile(s.waitHist, 50)),
    waitP90: minutes(percentile(s.waitHist, 90)),
    waitMax: s.waitN > 0 ? minutes(s.waitMax) : null,
    waitOverPct: percent(s.waitOver, s.waitN),
    serviceMean: meanMinutes(s.serviceSum, s.serviceN),
    serviceP90: minutes(percentile(s.serviceHist, 90)),
    serviceOverPct: percent(s.serviceOver, s.serviceN),
    walkMean: meanMinutes(s.walkSum, s.walkN),
    recalls: s.recalls,
  };
}

async function breakdown(ctx: FigureContext, grouping: Grouping): Promise<ReportTable> {
  const stats = await legStats(ctx, grouping);
  const groups = sumLegs(stats, grouping, ctx.config);
  const total = sumLegs(stats, 'total', ctx.config).get('');
  const withTime = grouping === 'counter' || grouping === 'staff';
  const open = withTime
    ? openSeconds(
        await sessions(ctx),
        (s) => (grouping === 'counter' ? s.counterId : (s.staff ?? '')),
        ctx.now,
      )
    : new Map<string, number>();
  const keys = [...new Set([...groups.keys(), ...open.keys()])].sort((a, b) =>
    order(grouping, a, b, ctx.config),
  );
  const columns: ReportColumn[] = [
    col('key', 'Kode', 'Code', grouping === 'day' ? 'date' : 'text'),
    { key: 'name', label: GROUP_LABEL[grouping], type: 'text' },
    ...(grouping === 'service' ? [col('targetMinutes', 'Target (menit)', 'Target (min)', 'minutes')] : []),
    ...LEG_COLUMNS,
    ...(withTime ? COUNTER_COLUMNS : []),
  ];
  const rowOf = (key: string, s: LegStat | undefined, name: string): Record<string, Cell> => {
    const openS = open.get(key) ?? 0;
    return {
      key: grouping === 'day' && key !== '' ? dayString(Number(key)) : key,
      name,
      ...(grouping === 'service'
        ? { targetMinutes: ctx.config.services.find((x) => x.id === key)?.targetMinutes ?? null }
        : {}),
      ...legCells(s ?? emptyLegStat(0, '', 'all', '')),
      ...(withTime ? { openHours: hours(openS), utilisationPct: percent(s?.busySum ?? 0, openS) } : {}),
    };
  };
  const rows = keys.map((k) => rowOf(k, groups.get(k), groupName(grouping, k, ctx.config)));
  if (grouping !== 'total') {
    const allOpen = [...open.values()].reduce((a, b) => a + b, 0);
    const totalRow = rowOf('', total, 'Total');
    if (withTime) {
      totalRow['openHours'] = hours(allOpen);
      totalRow['utilisationPct'] = percent(total?.busySum ?? 0, allOpen);
    }
    rows.push(totalRow);
  }
  return {
    name:
      grouping === 'priority'
        ? 'priority-groups'
        : grouping === 'origin'
          ? 'origins'
          : `${grouping === 'day' ? 'days' : grouping === 'staff' ? 'staff' : `${grouping}s`}`,
    title: {
      id: `Transaksi per ${GROUP_LABEL[grouping].id.toLowerCase()}`,
      en: `Transactions by ${GROUP_LABEL[grouping].en.toLowerCase()}`,
    },
    columns,
    rows,
  };
}

/** Groups in the hall config's order (services, agencies, counters, staff), days by date, others by key. */
function order(grouping: Grouping, a: string, b: string, config: HallConfig): number {
  const index = (list: readonly string[]) => (k: string) => {
    const i = list.indexOf(k);
    return i < 0 ? list.length : i;
  };
  let at: (k: string) => number;
  switch (grouping) {
    case 'service':
      at = index(config.services.map((s) => s.id));
      break;
    case 'agency':
      at = index(config.agencies.map((x) => x.id));
      break;
    case 'counter':
      at = index(config.counters.map((c) => c.id));
      break;
    case 'staff':
      at = index(config.staff.map((s) => s.username));
      break;
    case 'priority':
      at = index(Object.keys(PRIORITY_LABELS));
      break;
    case 'origin':
      at = index(Object.keys(ORIGIN_LABELS));
      break;
    default:
      return a < b ? -1 : a > b ? 1 : 0;
  }
  return at(a) - at(b) || (a < b ? -1 : a > b ? 1 : 0);
}

async function summaryTable(ctx: FigureContext): Promise<ReportTable> {
  const legs =
    sumLegs(await legStats(ctx, 'total'), 'total', ctx.config).get('') ?? emptyLegStat(0, '', 'all', '');
  const visits = sumVisits(await visitStats(ctx, 'total'), 'total', ctx.config).get('');
  const l = legCells(legs);
  const v = visitCells(visits);
  const agencies = new Set<string>();
  const services = new Set<string>();
  for (const s of await legStats(ctx, 'service')) {
    if (s.legs === 0) continue;
    services.add(s.serviceId);
    agencies.add(ctx.config.services.find((x) => x.id === s.serviceId)?.agencyId ?? '');
  }
  const figure = (key: string, id: string, en: string, value: Cell, unit: LocalizedText) => ({
    key,
    figure: id,
    figureEn: en,
    value,
    unit: unit.id,
  });
  const n = { id: '', en: '' };
  const pct = { id: '%', en: '%' };
  const min = { id: 'menit', en: 'min' };
  return {
    name: 'summary',
    title: { id: 'Ringkasan', en: 'Summary' },
    columns: [
      col('key', 'Kode', 'Code', 'text'),
      col('figure', 'Angka', 'Figure', 'text'),
      col('figureEn', 'Figure', 'Figure (English)', 'text'),
      col('value', 'Nilai', 'Value', 'number'),
      col('unit', 'Satuan', 'Unit', 'text'),
    ],
    rows: [
      figure('visits', 'Pengunjung (tiket diambil)', 'Visitors (tickets issued)', v['visits'] ?? 0, n),
      figure('visitsServed', 'Kunjungan dilayani', 'Visits served', v['served'] ?? 0, n),
      figure('visitsServedPct', '% kunjungan dilayani', '% visits served', v['servedPct'] ?? null, pct),
      figure('visitsNoShow', 'Tidak hadir', 'No-shows', v['noShow'] ?? 0, n),
      figure('visitsCancelled', 'Dibatalkan', 'Cancelled', v['cancelled'] ?? 0, n),
      figure(
        'visitsExpired',
        'Kedaluwarsa (belum dilayani saat tutup)',
        'Expired (unserved at close)',
        v['expired'] ?? 0,
        n,
      ),
      figure('transactions', 'Transaksi layanan', 'Service transactions', l['transactions'] ?? 0, n),
      figure('transfers', 'Dialihkan', 'Transfers', l['transferred'] ?? 0, n),
      figure('services', 'Layanan yang melayani', 'Services that served', services.size, n),
      figure('agencies', 'Instansi yang melayani', 'Agencies that served', agencies.size, n),
      figure('waitMean', 'Waktu tunggu rata-rata', 'Mean wait', l['waitMean'] ?? null, min),
      figure('waitP50', 'Waktu tunggu p50', 'Wait p50', l['waitP50'] ?? null, min),
      figure('waitP90', 'Waktu tunggu p90', 'Wait p90', l['waitP90'] ?? null, min),
      figure('waitMax', 'Waktu tunggu maksimum', 'Longest wait', l['waitMax'] ?? null, min),
      figure('waitOverPct', 'Tunggu melebihi target', 'Waits over target', l['waitOverPct'] ?? null, pct),
      figure('serviceMean', 'Waktu layanan rata-rata', 'Mean service time', l['serviceMean'] ?? null, min),
      figure('serviceP90', 'Waktu layanan p90', 'Service time p90', l['serviceP90'] ?? null, min),
      figure(
        'serviceOverPct',
        'Layanan melebihi target',
        'Service over target',
        l['serviceOverPct'] ?? null,
        pct,
      ),
      figure('walkMean', 'Jalan ke loket rata-rata', 'Mean walk to the counter', l['walkMean'] ?? null, min),
      figure('hallMean', 'Lama di gedung rata-rata', 'Mean time in the hall', v['hallMean'] ?? null, min),
      figure(
        'doneInOnePct',
        'Selesai dalam satu kunjungan',
        'Done in one visit',
        v['doneInOnePct'] ?? null,
        pct,
      ),
    ],
  };
}

function visitCells(s: VisitStat | undefined): Record<string, Cell> {
  if (!s) return { visits: 0, served: 0, servedPct: null, noShow: 0, cancelled: 0, expired: 0 };
  const ended = s.served + s.noShow + s.cancelled + s.expired;
  return {
    visits: s.visits,
    served: s.served,
    servedPct: percent(s.served, ended),
    noShow: s.noShow,
    cancelled: s.cancelled,
    expired: s.expired,
    open: s.visits - ended,
    waitMean: meanMinutes(s.waitSum, s.waitN),
    hallMean: meanMinutes(s.hallSum, s.hallN),
    hallP50: minutes(percentile(s.hallHist, 50)),
    hallP90: minutes(percentile(s.hallHist, 90)),
    hallMax: s.hallN > 0 ? minutes(s.hallMax) : null,
    multiLeg: s.multiLeg,
    doneInOnePct: percent(s.doneInOne, ended),
    multiLegDonePct: percent(s.multiLegDone, s.multiLeg),
    planned: s.planned,
    plannedDonePct: percent(s.plannedDone, s.planned),
    transfers: s.transfers,
    recalls: s.recalls,
  };
}

async function visitsTable(ctx: FigureContext): Promise<ReportTable> {
  const stats = await visitStats(ctx, 'service');
  const groups = sumVisits(stats, 'service', ctx.config);
  const total = sumVisits(stats, 'total', ctx.config).get('');
  const keys = [...groups.keys()].sort((a, b) => order('service', a, b, ctx.config));
  const rows = keys.map((k) => ({
    key: k,
    name: groupName('service', k, ctx.config),
    ...visitCells(groups.get(k)),
  }));
  rows.push({ key: '', name: 'Total', ...visitCells(total) });
  return {
    name: 'visits',
    title: { id: 'Kunjungan per layanan awal', en: 'Visits by first service' },
    columns: [
      col('key', 'Kode', 'Code', 'text'),
      col('name', 'Layanan awal', 'First service', 'text'),
      col('visits', 'Kunjungan', 'Visits', 'integer'),
      col('served', 'Dilayani', 'Served', 'integer'),
      col('servedPct', '% dilayani', '% served', 'percent'),
      col('noShow', 'Tidak hadir', 'No-show', 'integer'),
      col('cancelled', 'Dibatalkan', 'Cancelled', 'integer'),
      col('expired', 'Kedaluwarsa', 'Expired', 'integer'),
      col('open', 'Masih berjalan', 'In progress', 'integer'),
      col('waitMean', 'Tunggu pertama rata-rata (menit)', 'Mean first wait (min)', 'minutes'),
      col('hallMean', 'Lama di gedung rata-rata (menit)', 'Mean time in hall (min)', 'minutes'),
      col('hallP50', 'Lama di gedung p50 (menit)', 'Time in hall p50 (min)', 'minutes'),
      col('hallP90', 'Lama di gedung p90 (menit)', 'Time in hall p90 (min)', 'minutes'),
      col('hallMax', 'Lama di gedung maks. (menit)', 'Longest time in hall (min)', 'minutes'),
      col('doneInOnePct', '% selesai dalam satu kunjungan', '% done in one visit', 'percent'),
      col('multiLeg', 'Kunjungan multi-layanan', 'Multi-service visits', 'integer'),
      col('multiLegDonePct', '% multi-layanan selesai', '% multi-service done', 'percent'),
      col('planned', 'Dengan rencana kunjungan', 'With a visit plan', 'integer'),
      col('plannedDonePct', '% rencana selesai', '% plans done', 'percent'),
      col('transfers', 'Dialihkan', 'Transfers', 'integer'),
    ],
    rows,
  };
}

const WEEKDAY_LABELS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];

async function heatmapTable(ctx: FigureContext): Promise<ReportTable> {
  const slots = await slotStats(ctx);
  // Cells: weekday × hour; how many such weekdays the period had with any arrival, for a mean per day.
  const cells = new Map<string, { arrivals: number; waitN: number; waitSum: number }>();
  const daysOf = new Map<number, Set<number>>();
  for (const s of slots) {
    if (s.arrivals === 0) continue;
    const weekday = weekdayOf(s.day);
    const key = `${weekday}|${Math.floor(s.slot / 4)}`;
    const c = cells.get(key) ?? { arrivals: 0, waitN: 0, waitSum: 0 };
    c.arrivals += s.arrivals;
    c.waitN += s.arrivalWaitN;
    c.waitSum += s.arrivalWaitSum;
    cells.set(key, c);
    const days = daysOf.get(weekday) ?? new Set<number>();
    days.add(s.day);
    daysOf.set(weekday, days);
  }
  const rows: Array<Record<string, Cell>> = [];
  for (const weekday of [1, 2, 3, 4, 5, 6, 0]) {
    for (let hour = 0; hour < 24; hour++) {
      const c = cells.get(`${weekday}|${hour}`);
      if (!c) continue;
      const days = daysOf.get(weekday)?.size ?? 0;
      rows.push({
        weekday: WEEKDAY_LABELS[weekday] ?? '',
        weekdayNumber: weekday,
        hour,
        arrivals: c.arrivals,
        arrivalsPerDay: days > 0 ? Math.round((c.arrivals / days) * 10) / 10 : null,
        waitMean: meanMinutes(c.waitSum, c.waitN),
      });
    }
  }
  return {
    name: 'heatmap',
    title: { id: 'Kedatangan dan tunggu per hari dan jam', en: 'Arrivals and waits by weekday and hour' },
    columns: [
      col('weekday', 'Hari', 'Weekday', 'text'),
      col('weekdayNumber', 'No. hari (0 = Minggu)', 'Weekday no. (0 = Sunday)', 'integer'),
      col('hour', 'Jam', 'Hour', 'integer'),
      col('arrivals', 'Kedatangan', 'Arrivals', 'integer'),
      col('arrivalsPerDay', 'Kedatangan per hari', 'Arrivals per day', 'number'),
      col('waitMean', 'Tunggu rata-rata (menit)', 'Mean wait (min)', 'minutes'),
    ],
    rows,
  };
}

async function queueLengthTable(ctx: FigureContext): Promise<ReportTable> {
  const slots = await slotStats(ctx);
  // Per day, the number waiting at the end of each quarter hour; then the mean and the maximum over the days.
  const deltas = new Map<number, Map<number, number>>();
  const seen = new Set<number>();
  for (const s of slots) {
    seen.add(s.slot);
    const d = deltas.get(s.day) ?? new Map<number, number>();
    d.set(s.slot, (d.get(s.slot) ?? 0) + s.queueIn - s.queueOut);
    deltas.set(s.day, d);
  }
  const sum = new Array<number>(96).fill(0);
  const max = new Array<number>(96).fill(0);
  for (const d of deltas.values()) {
    let waiting = 0;
    for (let slot = 0; slot < 96; slot++) {
      waiting += d.get(slot) ?? 0;
      sum[slot] = (sum[slot] ?? 0) + waiting;
      max[slot] = Math.max(max[slot] ?? 0, waiting);
    }
  }
  const days = deltas.size;
  const rows: Array<Record<string, Cell>> = [];
  for (let slot = 0; slot < 96; slot++) {
    if ((max[slot] ?? 0) === 0 && !seen.has(slot)) continue;
    const end = (slot + 1) * 15;
    rows.push({
      time: `${String(Math.floor(end / 60) % 24).padStart(2, '0')}.${String(end % 60).padStart(2, '0')}`,
      slot,
      mean: days > 0 ? Math.round(((sum[slot] ?? 0) / days) * 10) / 10 : null,
      max: max[slot] ?? 0,
    });
  }
  return {
    name: 'queue-length',
    title: {
      id: 'Panjang antrean (orang menunggu) per 15 menit',
      en: 'Queue length (people waiting) per 15 minutes',
    },
    columns: [
      col('time', 'Pukul', 'Time', 'text'),
      col('slot', 'Slot 15 menit', '15-minute slot', 'integer'),
      col('mean', 'Rata-rata menunggu', 'Mean waiting', 'number'),
      col('max', 'Maksimum menunggu', 'Most waiting', 'integer'),
    ],
    rows,
  };
}
