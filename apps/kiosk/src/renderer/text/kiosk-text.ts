import type { LocalizedText, PriorityGroup } from '@antre/shared';
import type { PrintFaultReason } from '../../core/kiosk-backend.js';

/** Every fixed text on the kiosk screen, Indonesian first. */
export const TEXT = {
  welcome: { id: 'Selamat datang', en: 'Welcome' },
  chooseAgency: { id: 'Silakan pilih instansi tujuan Anda', en: 'Please choose the office you need' },
  searchPlaceholder: {
    id: 'Cari layanan, mis. KTP, paspor, SKCK',
    en: 'Search a service, e.g. KTP, passport, SKCK',
  },
  searchResults: { id: 'Hasil pencarian', en: 'Search results' },
  noResults: {
    id: 'Layanan tidak ditemukan di sini. Coba kata lain, atau tanyakan kepada petugas informasi.',
    en: 'No such service here. Try another word, or ask at the information desk.',
  },
  closeKeyboard: { id: 'Tutup', en: 'Close' },
  clear: { id: 'Hapus', en: 'Clear' },
  space: { id: 'Spasi', en: 'Space' },
  back: { id: 'Kembali', en: 'Back' },
  home: { id: 'Beranda', en: 'Home' },
  waiting: { id: 'menunggu', en: 'waiting' },
  closedNow: { id: 'Tutup', en: 'Closed' },
  quotaReached: { id: 'Kuota habis', en: 'Quota reached' },
  chooseService: { id: 'Pilih layanan', en: 'Choose a service' },
  peopleWaiting: { id: 'Orang menunggu', en: 'People waiting' },
  estimatedWait: { id: 'Perkiraan waktu tunggu', en: 'Estimated wait' },
  requirements: { id: 'Persyaratan yang perlu disiapkan', en: 'Documents to bring' },
  noRequirements: { id: 'Tidak ada persyaratan khusus.', en: 'No documents needed.' },
  requirementsHint: {
    id: 'Pastikan dokumen sudah lengkap sebelum mengambil nomor antrean.',
    en: 'Make sure you have these documents before taking a number.',
  },
  takeNumber: { id: 'Ambil Nomor Antrean', en: 'Take a Queue Number' },
  priorityService: { id: 'Layanan Prioritas', en: 'Priority Service' },
  priorityHint: {
    id: 'Lansia, penyandang disabilitas, ibu hamil, anak, korban bencana',
    en: 'Elderly, disability, pregnancy, children, disaster victims',
  },
  priorityTitle: { id: 'Pilih kategori layanan prioritas', en: 'Choose your priority category' },
  priorityNote: {
    id: 'Petugas dapat meminta bukti, misalnya KTP-el untuk lansia.',
    en: 'Staff may ask for proof, e.g. an ID card for the elderly.',
  },
  regularInstead: { id: 'Bukan prioritas — ambil antrean biasa', en: 'Not priority — take a regular number' },
  issuing: { id: 'Memproses nomor antrean…', en: 'Getting your number…' },
  waitingForHub: { id: 'Menunggu server antrean…', en: 'Waiting for the queue server…' },
  yourNumber: { id: 'Nomor Antrean Anda', en: 'Your Queue Number' },
  priority: { id: 'Prioritas', en: 'Priority' },
  ahead: { id: 'Antrean di depan Anda', en: 'People ahead of you' },
  scanToFollow: {
    id: 'Pindai untuk memantau antrean Anda dari ponsel',
    en: 'Scan to follow your queue on your phone',
  },
  printing: { id: 'Mencetak tiket…', en: 'Printing your ticket…' },
  printed: { id: 'Silakan ambil tiket Anda di bawah layar', en: 'Please take your ticket below the screen' },
  waitForCall: {
    id: 'Mohon menunggu sampai nomor Anda dipanggil.',
    en: 'Please wait until your number is called.',
  },
  printFaultTitle: { id: 'Tiket tidak dapat dicetak', en: 'The ticket could not be printed' },
  printFaultBody: {
    id: 'Nomor antrean Anda tetap berlaku. Mohon catat atau foto nomor di atas. Petugas sudah diberi tahu.',
    en: 'Your number is still valid. Please write it down or take a photo of it. Staff have been told.',
  },
  noPrinterTitle: { id: 'Kios ini tidak mencetak tiket', en: 'This kiosk does not print tickets' },
  noPrinterBody: {
    id: 'Mohon catat nomor antrean Anda, atau pindai kode QR untuk menyimpannya di ponsel.',
    en: 'Please note your number, or scan the QR code to keep it on your phone.',
  },
  reprint: { id: 'Cetak ulang', en: 'Print again' },
  done: { id: 'Selesai', en: 'Done' },
  offlineTicket: {
    id: 'Diterbitkan saat jaringan terputus — nomor Anda tetap berlaku.',
    en: 'Issued while the network was down — your number is valid.',
  },
  refusedTitle: { id: 'Nomor antrean tidak dapat diambil', en: 'No number can be taken' },
  tryAgain: { id: 'Coba lagi', en: 'Try again' },
  offlineIssuing: {
    id: 'Koneksi ke server antrean terputus. Nomor antrean tetap dapat diambil dan tetap berlaku.',
    en: 'The queue server is unreachable. You can still take a number, and it stays valid.',
  },
  offlineRefusing: {
    id: 'Kios tidak terhubung ke server antrean. Untuk sementara nomor tidak dapat diambil di sini — silakan hubungi petugas informasi.',
    en: 'This kiosk cannot reach the queue server. Numbers cannot be taken here for now — please ask at the information desk.',
  },
  connecting: { id: 'Menghubungkan ke server antrean…', en: 'Connecting to the queue server…' },
  offlineTakeDisabled: { id: 'Sementara tidak tersedia', en: 'Not available right now' },
  returningIn: { id: 'Kembali ke awal dalam', en: 'Back to the start in' },
  seconds: { id: 'detik', en: 's' },
  setupTitle: { id: 'Kios belum terdaftar', en: 'This kiosk is not enrolled' },
  setupBody: {
    id: 'Untuk petugas: pilih kios ini dan masukkan kode pemasangan yang ditampilkan server antrean.',
    en: 'For staff: choose this kiosk and enter the pairing code the queue server shows.',
  },
  hubAddress: { id: 'Alamat server antrean', en: 'Queue server address' },
  pairingCode: { id: 'Kode pemasangan', en: 'Pairing code' },
  enrol: { id: 'Daftarkan kios', en: 'Enrol kiosk' },
  kioskLabel: { id: 'Kios', en: 'Kiosk' },
  priorityFooter: {
    id: 'Lansia, penyandang disabilitas, ibu hamil, anak, dan korban bencana mendapat layanan prioritas.',
    en: 'The elderly, persons with disabilities, pregnant women, children and disaster victims are served first.',
  },
  quotaBody: {
    id: 'Silakan datang kembali pada hari layanan berikutnya.',
    en: 'Please come back on the next service day.',
  },
  hoursToday: { id: 'Jam layanan hari ini', en: "Today's hours" },
  closedToday: { id: 'Hari ini tidak melayani', en: 'Not open today' },
  whereServed: { id: 'Tempat layanan', en: 'Where you are served' },
  stillThere: { id: 'Masih di sini?', en: 'Are you still there?' },
  carryOn: { id: 'Ya, lanjutkan', en: 'Yes, carry on' },
  keepShowing: { id: 'Tetap tampilkan nomor', en: 'Keep showing my number' },
  startOver: { id: 'Kembali ke awal', en: 'Start over' },
  listen: { id: 'Dengarkan', en: 'Listen' },
  stopListening: { id: 'Berhenti', en: 'Stop' },
  largeText: { id: 'Teks besar', en: 'Large text' },
  notAvailableNow: { id: 'Sementara tidak tersedia', en: 'Not available now' },
} satisfies Record<string, LocalizedText>;

/** "1 layanan", "3 layanan" / "1 service", "3 services". */
export function servicesText(n: number): LocalizedText {
  return { id: `${n} layanan`, en: `${n} ${n === 1 ? 'service' : 'services'}` };
}

/** The question before the screen goes back to the start, with the seconds left. */
export function idleWarningText(seconds: number, onTicket: boolean): LocalizedText {
  return onTicket
    ? {
        id: `Nomor Anda akan hilang dari layar dalam ${seconds} detik.`,
        en: `Your number leaves the screen in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`,
      }
    : {
        id: `Layar kembali ke awal dalam ${seconds} detik.`,
        en: `The screen goes back to the start in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`,
      };
}

export function quotaText(quota: number): LocalizedText {
  return {
    id: `${quota} nomor hari ini sudah diambil semua`,
    en: `All ${quota} numbers for today are taken`,
  };
}

export const PRIORITY_CHOICES: ReadonlyArray<{
  group: Exclude<PriorityGroup, 'none'>;
  label: LocalizedText;
  detail: LocalizedText;
}> = [
  {
    group: 'elderly',
    label: { id: 'Lansia', en: 'Elderly' },
    detail: { id: 'Usia 60 tahun ke atas', en: 'Aged 60 and over' },
  },
  {
    group: 'disability',
    label: { id: 'Penyandang disabilitas', en: 'Person with a disability' },
    detail: { id: 'Termasuk pendamping', en: 'With their companion' },
  },
  {
    group: 'pregnant',
    label: { id: 'Ibu hamil', en: 'Pregnant woman' },
    detail: { id: 'Termasuk ibu menyusui', en: 'Or breastfeeding' },
  },
  {
    group: 'child',
    label: { id: 'Anak', en: 'Child' },
    detail: { id: 'Pemohon anak atau membawa balita', en: 'A child, or with a toddler' },
  },
  {
    group: 'disaster',
    label: { id: 'Korban bencana', en: 'Disaster victim' },
    detail: { id: 'Bencana alam atau sosial', en: 'Natural or social disaster' },
  },
];

export const PRIORITY_LABEL: Record<PriorityGroup, LocalizedText> = {
  none: { id: 'Reguler', en: 'Regular' },
  elderly: { id: 'Lansia', en: 'Elderly' },
  disability: { id: 'Penyandang disabilitas', en: 'Disability' },
  pregnant: { id: 'Ibu hamil', en: 'Pregnant' },
  child: { id: 'Anak', en: 'Child' },
  disaster: { id: 'Korban bencana', en: 'Disaster victim' },
};

/** What the visitor reads when the ticket did not print, by cause. */
export const PRINT_FAULT_CAUSE: Record<PrintFaultReason, LocalizedText> = {
  'not-configured': { id: 'Kios ini tidak memiliki printer.', en: 'This kiosk has no printer.' },
  unreachable: { id: 'Printer tidak terhubung.', en: 'The printer is not connected.' },
  timeout: { id: 'Printer tidak merespons.', en: 'The printer does not respond.' },
  'paper-out': { id: 'Kertas printer habis.', en: 'The printer is out of paper.' },
  'cover-open': { id: 'Penutup printer terbuka.', en: 'The printer cover is open.' },
  'printer-error': { id: 'Printer mengalami gangguan.', en: 'The printer has a fault.' },
  'io-error': { id: 'Printer mengalami gangguan.', en: 'The printer has a fault.' },
};
