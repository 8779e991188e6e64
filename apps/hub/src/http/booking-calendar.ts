import type { BookingView, HallConfig } from '@antre/shared';

/** An iCalendar file (RFC 5545) of one appointment: "add to calendar", with the code and the cancel link. */
export function bookingCalendar(config: HallConfig, booking: BookingView, origin: string): string {
  const service = config.services.find((s) => s.id === booking.serviceId);
  const minutes = service?.booking?.slotMinutes ?? 15;
  const name = service ? `${service.name.id} / ${service.name.en}` : booking.serviceId;
  const cancel = `${origin}/booking?code=${booking.code}`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Antre//Janji temu//ID',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${booking.bookingId}@antre`,
    `DTSTAMP:${utc(booking.slotStart)}`,
    `DTSTART:${utc(booking.slotStart)}`,
    `DTEND:${utc(booking.slotStart + minutes * 60_000)}`,
    `SUMMARY:${text(`Janji temu: ${name} (${booking.code})`)}`,
    `LOCATION:${text([config.hall.name, config.hall.address].filter(Boolean).join(', '))}`,
    `DESCRIPTION:${text(
      `Kode janji temu / booking code: ${booking.code}. Check-in di kios ${config.booking.checkInOpensMinutes} menit sebelum jam janji. Batal / cancel: ${cancel}`,
    )}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

function utc(at: number): string {
  return new Date(at)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Escapes a TEXT value (RFC 5545 §3.3.11). */
function text(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n');
}

/** Lines longer than 75 octets continue on the next, after a space. */
function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let rest = line;
  while (Buffer.byteLength(rest, 'utf8') > 74) {
    let cut = 74;
    while (Buffer.byteLength(rest.slice(0, cut), 'utf8') > 74) cut -= 1;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  parts.push(rest);
  return parts.join('\r\n ');
}
