import type { HallConfig } from '@antre/shared';
import type { LegRow, VisitRow } from './report-rows.js';
import { dayString } from './report-rows.js';
import type { Cell, ColumnType, ReportColumn } from './report-table.js';

/**
 * The columns of the raw exports, an allow-list: what staff need to check a figure, nothing personal (no
 * name, NIK or phone ever enters the rows). Times in the hall's local time as `YYYY-MM-DD HH:MM:SS`.
 */
export interface RawColumn<R> extends ReportColumn {
  value: (row: R, config: HallConfig) => Cell;
}

const raw = <R>(
  key: string,
  id: string,
  en: string,
  type: ColumnType,
  value: RawColumn<R>['value'],
): RawColumn<R> => ({
  key,
  label: { id, en },
  type,
  value,
});

/** A local time for the export: the hall's zone is a fixed offset (no daylight saving in Indonesia). */
export function localTime(ms: number | null, config: HallConfig): string | null {
  if (ms === null) return null;
  const offset =
    { 'Asia/Jakarta': 7, 'Asia/Makassar': 8, 'Asia/Jayapura': 9 }[config.hall.timeZone] * 3_600_000;
  return new Date(ms + offset).toISOString().slice(0, 19).replace('T', ' ');
}

export const VISIT_COLUMNS: RawColumn<VisitRow>[] = [
  raw('day', 'Tanggal', 'Date', 'date', (r) => dayString(r.day)),
  raw('ticketId', 'ID tiket', 'Ticket id', 'text', (r) => r.ticketId),
  raw('number', 'Nomor', 'Number', 'text', (r) => r.displayNumber),
  raw('service', 'Layanan awal', 'First service', 'text', (r) => r.serviceId),
  raw('agency', 'Instansi', 'Agency', 'text', (r) => r.agencyId),
  raw('priority', 'Prioritas', 'Priority', 'text', (r) => r.priority),
  raw('origin', 'Asal', 'Origin', 'text', (r) => r.origin),
  raw('issuedAt', 'Diambil', 'Issued', 'text', (r, c) => localTime(r.issuedAt, c)),
  raw('firstCalledAt', 'Dipanggil pertama', 'First called', 'text', (r, c) => localTime(r.firstCalledAt, c)),
  raw('endedAt', 'Selesai', 'Ended', 'text', (r, c) => localTime(r.endedAt, c)),
  raw('outcome', 'Hasil', 'Outcome', 'text', (r) => r.outcome ?? 'open'),
  raw('waitMin', 'Tunggu (menit)', 'Wait (min)', 'minutes', (r) => mins(r.waitS)),
  raw('hallMin', 'Di gedung (menit)', 'In hall (min)', 'minutes', (r) => mins(r.hallS)),
  raw('legs', 'Transaksi', 'Transactions', 'integer', (r) => r.legs),
  raw('servedLegs', 'Transaksi dilayani', 'Served transactions', 'integer', (r) => r.servedLegs),
  raw('plannedLegs', 'Rencana layanan', 'Planned legs', 'integer', (r) => r.plannedLegs),
  raw('transfers', 'Dialihkan', 'Transfers', 'integer', (r) => r.transfers),
  raw('recalls', 'Panggilan ulang', 'Recalls', 'integer', (r) => r.recalls),
  raw('doneInOne', 'Selesai satu kunjungan', 'Done in one visit', 'integer', (r) =>
    r.doneInOne === null ? null : r.doneInOne ? 1 : 0,
  ),
];

export const LEG_COLUMNS_RAW: RawColumn<LegRow>[] = [
  raw('day', 'Tanggal', 'Date', 'date', (r) => dayString(r.day)),
  raw('ticketId', 'ID tiket', 'Ticket id', 'text', (r) => r.ticketId),
  raw('leg', 'Transaksi ke-', 'Leg', 'integer', (r) => r.leg + 1),
  raw('service', 'Layanan', 'Service', 'text', (r) => r.serviceId),
  raw('agency', 'Instansi', 'Agency', 'text', (r) => r.agencyId),
  raw('priority', 'Prioritas', 'Priority', 'text', (r) => r.priority),
  raw('origin', 'Asal', 'Origin', 'text', (r) => r.origin),
  raw(
    'counter',
    'Loket',
    'Counter',
    'text',
    (r, c) => c.counters.find((x) => x.id === r.counterId)?.name ?? r.counterId,
  ),
  raw('staff', 'Petugas', 'Staff', 'text', (r) => r.staff),
  raw('queuedAt', 'Masuk antrean', 'Queued', 'text', (r, c) => localTime(r.queuedAt, c)),
  raw('calledAt', 'Dipanggil', 'Called', 'text', (r, c) => localTime(r.calledAt, c)),
  raw('startedAt', 'Mulai dilayani', 'Service started', 'text', (r, c) => localTime(r.startedAt, c)),
  raw('endedAt', 'Selesai', 'Ended', 'text', (r, c) => localTime(r.endedAt, c)),
  raw('outcome', 'Hasil', 'Outcome', 'text', (r) => r.outcome ?? r.state),
  raw('waitMin', 'Tunggu (menit)', 'Wait (min)', 'minutes', (r) => mins(r.waitS)),
  raw('walkMin', 'Jalan (menit)', 'Walk (min)', 'minutes', (r) => mins(r.walkS)),
  raw('serviceMin', 'Layanan (menit)', 'Service (min)', 'minutes', (r) => mins(r.serviceS)),
  raw('targetMin', 'Target (menit)', 'Target (min)', 'minutes', (r) => mins(r.targetS)),
  raw('recalls', 'Panggilan ulang', 'Recalls', 'integer', (r) => r.recalls),
];

function mins(s: number | null): number | null {
  return s === null ? null : Math.round((s / 60) * 100) / 100;
}
