import type { LocalizedText } from '@antre/shared';

const l = (id: string, en: string): LocalizedText => ({ id, en });

/** The counter's appointment check-in: for a citizen who shows the booking code (or NIK) at the desk. */
export const CHECK_IN_TEXT = {
  open: l('Check-in janji temu', 'Appointment check-in'),
  openHint: l('Warga menunjukkan kode janji temu di loket', 'A citizen shows a booking code at the desk'),
  title: l('Check-in janji temu', 'Appointment check-in'),
  subtitle: l(
    'Ketik kode janji temu (mis. AB-23456Z) atau NIK warga, atau pindai QR-nya. Nomor antrean diterbitkan dan diurutkan menurut jam janji temu.',
    'Type the booking code (e.g. AB-23456Z) or the citizen’s NIK, or scan its QR. A queue number is issued, ranked by the appointment time.',
  ),
  label: l('Kode janji temu atau NIK', 'Booking code or NIK'),
  readAsCode: l('Dibaca sebagai kode janji temu', 'Read as a booking code'),
  readAsNik: l('Dibaca sebagai NIK', 'Read as a NIK'),
  confirm: l('Check-in', 'Check in'),
  checking: l('Memeriksa…', 'Checking…'),
  done: l(
    'Nomor {n} diterbitkan ({reason}). Sampaikan nomor ini kepada warga.',
    'Number {n} issued ({reason}). Tell the citizen this number.',
  ),
};
