import type { BookingFact, HallConfig } from '@antre/shared';
import { bookingStatus } from '@antre/shared';
import { percent } from './figure-rules.js';
import type { FigureContext } from './report-figures.js';
import { serviceIdsOf } from './report-figures.js';
import { periodRange } from './report-query.js';
import type { Cell, ReportTable } from './report-table.js';
import { col } from './report-table.js';

/**
 * Where the bookings of a period come from: the hub's ledger of bookings, built from the log
 * (`BookingBook.between`). Absent (a store without the booking ledger, such as the central service for now):
 * the bookings table has no rows.
 */
export interface BookingSource {
  between(from: string, to: string): ReadonlyArray<Readonly<BookingFact>>;
}

interface BookingCount {
  day: string;
  serviceId: string;
  booked: number;
  cancelled: number;
  checkedIn: number;
  served: number;
  missed: number;
  open: number;
}

/**
 * Appointments per day and service: booked (not cancelled), cancelled, checked in, served (the check-in's
 * ticket was served), missed (check-in closed without it) and still open — what became of each booking is
 * the domain's `bookingStatus`; served is the visit's outcome in the report rows.
 */
export async function bookingsTable(ctx: FigureContext): Promise<ReportTable> {
  const source = ctx.bookings;
  const { period, filters } = ctx.query;
  const allowed = serviceIdsOf(filters, ctx.config);
  const facts = (source?.between(period.from, period.to) ?? []).filter(
    (b) => allowed === undefined || allowed.includes(b.serviceId),
  );
  const range = periodRange(period);
  const served = new Set(
    (await ctx.store.visits({ ...range, serviceIds: allowed, origin: 'appointment' }))
      .filter((v) => v.outcome === 'served')
      .map((v) => v.ticketId),
  );
  const counts = new Map<string, BookingCount>();
  for (const b of facts) {
    const key = `${b.day}|${b.serviceId}`;
    let c = counts.get(key);
    if (!c) {
      c = {
        day: b.day,
        serviceId: b.serviceId,
        booked: 0,
        cancelled: 0,
        checkedIn: 0,
        served: 0,
        missed: 0,
        open: 0,
      };
      counts.set(key, c);
    }
    const status = bookingStatus(b, ctx.config, ctx.now);
    if (status === 'cancelled') {
      c.cancelled += 1;
      continue;
    }
    c.booked += 1;
    if (status === 'missed') c.missed += 1;
    else if (status === 'booked') c.open += 1;
    else {
      c.checkedIn += 1;
      if (b.ticketId !== undefined && served.has(b.ticketId)) c.served += 1;
    }
  }
  const rows = [...counts.values()]
    .sort((a, b) => a.day.localeCompare(b.day) || serviceOrder(ctx.config, a.serviceId, b.serviceId))
    .map((c) => cells(c, ctx.config));
  const total = [...counts.values()].reduce<BookingCount>(
    (t, c) => ({
      ...t,
      booked: t.booked + c.booked,
      cancelled: t.cancelled + c.cancelled,
      checkedIn: t.checkedIn + c.checkedIn,
      served: t.served + c.served,
      missed: t.missed + c.missed,
      open: t.open + c.open,
    }),
    { day: '', serviceId: '', booked: 0, cancelled: 0, checkedIn: 0, served: 0, missed: 0, open: 0 },
  );
  rows.push({ ...cells(total, ctx.config), day: null, key: '', name: 'Total' });
  return {
    name: 'bookings',
    title: { id: 'Janji temu per hari dan layanan', en: 'Appointments by day and service' },
    columns: [
      col('day', 'Tanggal', 'Date', 'date'),
      col('key', 'Kode', 'Code', 'text'),
      col('name', 'Layanan', 'Service', 'text'),
      col('booked', 'Dipesan', 'Booked', 'integer'),
      col('checkedIn', 'Check-in', 'Checked in', 'integer'),
      col('served', 'Dilayani', 'Served', 'integer'),
      col('missed', 'Tidak datang', 'Missed', 'integer'),
      col('open', 'Belum check-in', 'Not checked in yet', 'integer'),
      col('cancelled', 'Dibatalkan', 'Cancelled', 'integer'),
      col('checkedInPct', '% check-in', '% checked in', 'percent'),
    ],
    rows,
  };
}

function cells(c: BookingCount, config: HallConfig): Record<string, Cell> {
  const decided = c.checkedIn + c.missed;
  return {
    day: c.day,
    key: c.serviceId,
    name: config.services.find((s) => s.id === c.serviceId)?.name.id ?? c.serviceId,
    booked: c.booked,
    checkedIn: c.checkedIn,
    served: c.served,
    missed: c.missed,
    open: c.open,
    cancelled: c.cancelled,
    // Of the bookings whose check-in has been decided (checked in or missed).
    checkedInPct: percent(c.checkedIn, decided),
  };
}

function serviceOrder(config: HallConfig, a: string, b: string): number {
  const i = (id: string) => config.services.findIndex((s) => s.id === id);
  return i(a) - i(b);
}
