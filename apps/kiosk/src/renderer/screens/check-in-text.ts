/** The fixed texts of the appointment check-in, Indonesian first. */
export const CHECK_IN_TEXT = {
  entryTitle: { id: 'Saya sudah punya janji temu', en: 'I have an appointment' },
  entryHint: {
    id: 'Pindai QR janji temu, atau ketik kodenya atau NIK Anda',
    en: 'Scan your appointment QR, or type its code or your NIK',
  },
  title: { id: 'Check-in janji temu', en: 'Appointment check-in' },
  subtitle: {
    id: 'Arahkan QR janji temu ke pemindai, atau ketik kode janji temu (mis. AB-23456Z) atau NIK Anda.',
    en: 'Hold your appointment QR to the scanner, or type the booking code (e.g. AB-23456Z) or your NIK.',
  },
  fieldLabel: { id: 'Kode janji temu atau NIK', en: 'Booking code or NIK' },
  placeholder: { id: 'Ketik atau pindai di sini', en: 'Type or scan here' },
  readAsCode: { id: 'Dibaca sebagai kode janji temu', en: 'Read as a booking code' },
  readAsNik: { id: 'Dibaca sebagai NIK', en: 'Read as a NIK' },
  checkIn: { id: 'Check-in', en: 'Check in' },
  checking: { id: 'Memeriksa janji temu…', en: 'Checking your appointment…' },
  clearAll: { id: 'Hapus semua', en: 'Clear all' },
  refusedTitle: { id: 'Check-in tidak dapat dilakukan', en: 'Check-in is not possible' },
  walkIn: { id: 'Ambil nomor antrean biasa', en: 'Take a regular queue number' },
  walkInFor: { id: 'untuk', en: 'for' },
  cameraHint: {
    id: 'Atau tunjukkan QR janji temu ke kamera ini.',
    en: 'Or hold your booking QR up to this camera.',
  },
  scannerHint: {
    id: 'Pemindai ada di bawah layar. Nomor antrean Anda dicetak setelah check-in.',
    en: 'The scanner is below the screen. Your queue number prints after check-in.',
  },
  appointmentOnTicket: { id: 'Janji temu Anda', en: 'Your appointment' },
};
