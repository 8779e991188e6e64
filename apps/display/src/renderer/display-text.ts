// Every word the display shows, Indonesian first.

import type { LocalizedText } from '@antre/shared';

export const TEXT = {
  queueNumber: { id: 'Nomor antrean', en: 'Queue number' },
  pleaseGoTo: { id: 'Silakan menuju', en: 'Please go to' },
  counter: { id: 'Loket', en: 'Counter' },
  calledAgain: { id: 'Panggilan ulang', en: 'Called again' },
  previousCalls: { id: 'Panggilan sebelumnya', en: 'Previous calls' },
  noPreviousCalls: { id: 'Belum ada panggilan lain hari ini', en: 'No other calls yet today' },
  counters: { id: 'Loket layanan', en: 'Service counters' },
  waiting: { id: 'Menunggu', en: 'Waiting' },
  ikmTitle: { id: 'Nilai kepuasan bulan ini', en: "This month's satisfaction" },
  ikmRespondents: { id: 'responden', en: 'respondents' },
  ikmProvisional: { id: 'sementara', en: 'provisional' },
  waitingUnit: { id: 'orang', en: 'people' },
  closed: { id: 'Tutup', en: 'Closed' },
  closedCounters: { id: 'Loket tutup:', en: 'Closed counters:' },
  allClosed: { id: 'Semua loket sedang tutup', en: 'All counters are closed' },
  minutesShort: { id: 'mnt', en: 'min' },
  noCounterOpen: { id: 'Loket belum buka', en: 'No counter open yet' },
  paused: { id: 'Istirahat', en: 'On break' },
  available: { id: 'Siap', en: 'Ready' },
  noCallsYet: { id: 'Belum ada panggilan', en: 'No calls yet' },
  noCallsHint: {
    id: 'Ambil nomor antrean di kios, lalu perhatikan layar ini.',
    en: 'Take a number at the kiosk and watch this screen.',
  },
  connecting: { id: 'Menghubungkan ke server antrean…', en: 'Connecting to the queue server…' },
  reconnecting: { id: 'Menghubungkan kembali…', en: 'Reconnecting…' },
  enableSound: { id: 'Aktifkan suara', en: 'Turn on sound' },
  enableSoundHint: {
    id: 'Klik atau tekan tombol apa saja agar panggilan terdengar.',
    en: 'Click or press any key so that calls can be heard.',
  },
  chime: { id: 'Bel', en: 'Chime' },
  speech: { id: 'Suara panggilan', en: 'Spoken calls' },
  soundTest: { id: 'Tes suara', en: 'Sound test' },
  on: { id: 'Nyala', en: 'On' },
  off: { id: 'Mati', en: 'Off' },
  unknownScope: { id: 'Tidak dikenal dalam konfigurasi aula:', en: 'Not found in the hall configuration:' },
  emptyScope: { id: 'Tidak ada loket untuk layar ini', en: 'No counters for this screen' },
} satisfies Record<string, LocalizedText>;
