import type { LocalizedText, PriorityGroup, TicketStatus } from '@antre/shared';

/** Fills `{name}` placeholders in both languages; a localized value fills each language with its own words. */
export function fill(
  text: LocalizedText,
  vars: Record<string, string | number | LocalizedText>,
): LocalizedText {
  const sub = (s: string, lang: 'id' | 'en') =>
    s.replace(/\{(\w+)\}/g, (whole, key: string) => {
      const v = vars[key];
      if (v === undefined) return whole;
      return typeof v === 'object' ? v[lang] : String(v);
    });
  return { id: sub(text.id, 'id'), en: sub(text.en, 'en') };
}

const l = (id: string, en: string): LocalizedText => ({ id, en });

/** Every word the counter app shows: Indonesian first (KBBI: antrean, loket, layanan), English second. */
export const T = {
  appName: l('Aplikasi Loket', 'Counter app'),
  connecting: l('Menghubungkan ke server antrean…', 'Connecting to the queue server…'),

  signInTitle: l('Masuk petugas loket', 'Counter staff sign-in'),
  signInLead: l(
    'Masuk dengan nama pengguna dan PIN Anda untuk memanggil dan melayani pengunjung.',
    'Sign in with your user name and PIN to call and serve visitors.',
  ),
  username: l('Nama pengguna', 'User name'),
  pin: l('PIN', 'PIN'),
  signIn: l('Masuk', 'Sign in'),
  signingIn: l('Sedang masuk…', 'Signing in…'),
  sessionEnded: l(
    'Sesi Anda telah berakhir. Silakan masuk kembali; antrean yang sedang dilayani tetap tersimpan di loket.',
    'Your session has ended. Please sign in again; the ticket being served stays at the counter.',
  ),
  signedOutNote: l('Anda telah keluar.', 'You have signed out.'),
  tryAgainIn: l('Coba lagi dalam {s} detik.', 'Try again in {s} seconds.'),

  chooseCounter: l('Pilih loket', 'Choose your counter'),
  chooseCounterLead: l('Pilihan ini diingat di komputer ini.', 'This choice is remembered on this computer.'),
  searchCounters: l('Cari loket, instansi, atau layanan…', 'Search counters, agencies or services…'),
  counterN: l('Loket {n}', 'Counter {n}'),
  inUseBy: l('Dibuka oleh {name}', 'Opened by {name}'),
  noCounters: l('Tidak ada loket untuk instansi Anda.', 'No counter belongs to your agency.'),
  changeCounter: l('Ganti loket', 'Change counter'),
  signOut: l('Keluar', 'Sign out'),

  statusOpen: l('Buka', 'Open'),
  statusPaused: l('Istirahat', 'On break'),
  statusClosed: l('Tutup', 'Closed'),
  counterClosedTitle: l('Loket tutup', 'The counter is closed'),
  counterClosedLead: l(
    'Buka loket untuk mulai memanggil pengunjung.',
    'Open the counter to start calling visitors.',
  ),
  counterPausedTitle: l('Loket sedang istirahat', 'The counter is on a break'),
  openCounter: l('Buka loket', 'Open the counter'),
  resumeCounter: l('Lanjutkan layanan', 'Resume service'),

  current: l('Nomor antrean', 'Ticket number'),
  statusCalled: l('Dipanggil', 'Called'),
  statusServing: l('Sedang dilayani', 'Being served'),
  noCurrentTitle: l('Belum ada pengunjung', 'No visitor yet'),
  noCurrentLead: l('Tekan F1 untuk memanggil antrean berikutnya.', 'Press F1 to call the next ticket.'),
  waited: l('Lama menunggu', 'Waited'),
  sinceCalled: l('Sejak dipanggil', 'Since called'),
  serving: l('Dilayani', 'Serving'),
  calls: l('Panggilan', 'Calls'),
  serviceAtCounter: l('{s} · Loket {c}', '{s} · Counter {c}'),
  supervisor: l('Supervisor', 'Supervisor'),
  transferredFrom: l('Dialihkan dari {from}', 'Transferred from {from}'),
  pendingFinish: l('Selesai — dikirim saat tersambung kembali', 'Finished — sent when reconnected'),
  pendingNoShow: l('Tidak hadir — dikirim saat tersambung kembali', 'No-show — sent when reconnected'),

  callNext: l('Panggil berikutnya', 'Call next'),
  recall: l('Panggil ulang', 'Recall'),
  startServing: l('Mulai layani', 'Start serving'),
  finish: l('Selesai', 'Finish'),
  noShow: l('Tidak hadir', 'No-show'),
  hold: l('Tahan', 'Hold'),
  transfer: l('Alihkan', 'Transfer'),
  callNumber: l('Panggil nomor', 'Call a number'),
  putBack: l('Kembalikan', 'Put back'),

  hintNextVisitor: l('pengunjung berikutnya', 'the next visitor'),
  hintFinishesCurrent: l('selesaikan {n} lalu panggil', 'finishes {n}, then calls'),
  hintAsksArrival: l('tanya dulu: {n} datang?', 'asks first: did {n} come?'),
  hintAsksConfirm: l('baru dipanggil: minta konfirmasi', 'just called: asks to confirm'),
  hintAsksServed: l('tanya dulu: {n} sudah dilayani?', 'asks first: was {n} served?'),
  hintVisitorArrived: l('pengunjung datang', 'visitor arrived'),
  hintParkTicket: l('parkir, panggil lagi nanti', 'park, call again later'),
  hintServiceOrCounter: l('ke layanan atau loket lain', 'to a service or counter'),
  hintByNumber: l('mis. A-007', 'e.g. A-007'),
  hintNoShowBack: l('pengunjung tidak hadir kembali', 'a no-show returns'),
  hintAnnounceAgain: l('umumkan lagi', 'announce again'),
  hintEndsVisit: l('kunjungan tuntas', 'visit complete'),
  hintVisitorAbsent: l('pengunjung tidak datang', 'visitor did not come'),
  hintQueuedOffline: l('dikirim saat tersambung', 'sent on reconnect'),
  needsConnection: l('butuh sambungan', 'needs the connection'),
  needsOpenCounter: l('loket belum buka', 'counter not open'),
  alreadyRecorded: l('sudah dicatat, menunggu sambungan', 'recorded, waiting for the connection'),
  needsCurrent: l('tidak ada antrean aktif', 'no current ticket'),
  needsCalled: l('hanya saat dipanggil', 'only while called'),
  noNoShowToReturn: l('tidak ada yang tidak hadir', 'no no-show to put back'),
  finishFirst: l('selesaikan dulu {n}', 'finish {n} first'),
  shortcutsHint: l('Pintasan papan ketik: F1–F9', 'Keyboard shortcuts: F1–F9'),

  waitingTitle: l('Antrean menunggu', 'Waiting'),
  waitingTotal: l('{n} menunggu', '{n} waiting'),
  longest: l('terlama {t}', 'longest {t}'),
  priorityCount: l('{n} prioritas', '{n} priority'),
  nobodyWaiting: l('Tidak ada yang menunggu', 'Nobody is waiting'),
  noneWaiting: l('tidak ada antrean', 'none waiting'),
  upNext: l('Berikutnya', 'Up next'),
  sentHere: l('dialihkan ke loket ini', 'sent to this counter'),
  heldTitle: l('Ditahan di loket ini', 'On hold at this counter'),
  callThis: l('Panggil', 'Call'),

  printAlertsTitle: l('Tiket belum tercetak', 'Tickets not printed'),
  printAlertsHint: l(
    'Printer kios gagal mencetak tiket ini. Perbaiki printernya, lalu cetak ulang.',
    'The kiosk printer failed to print these tickets. Fix the printer, then reprint.',
  ),
  reprint: l('Cetak ulang', 'Reprint'),
  reprinting: l('Mencetak…', 'Printing…'),
  justNow: l('baru saja', 'just now'),
  timeAgo: l('{t} lalu', '{t} ago'),
  okReprinted: l('{n} dicetak ulang di {k}.', '{n} reprinted at {k}.'),
  notReprinted: l('{n} belum tercetak. {base}', '{n} is not printed yet. {base}'),
  notReprintedCause: l(
    '{n} belum tercetak. {base} Penyebab: {why}.',
    '{n} is not printed yet. {base} Cause: {why}.',
  ),
  reprintRefused: l('{n}: {base}', '{n}: {base}'),

  todayTitle: l('Hari ini', 'Today'),
  thisCounter: l('Loket ini', 'This counter'),
  served: l('dilayani', 'served'),
  avgService: l('rata-rata layanan', 'average service'),
  agencyTotals: l('Total {agency}', '{agency} totals'),
  totalWaiting: l('menunggu', 'waiting'),
  totalInService: l('sedang dilayani', 'at a counter'),
  totalDone: l('selesai', 'done'),
  totalNoShow: l('tidak hadir', 'no-show'),
  countersOpen: l('{open} dari {all} loket buka', '{open} of {all} counters open'),

  offlineDetail: l(
    'Panggil berikutnya menunggu sambungan; Selesai dan Tidak hadir dikirim otomatis saat tersambung.',
    'Call next needs the connection; Finish and No-show are sent automatically on reconnect.',
  ),
  queuedCount: l('{n} tindakan menunggu dikirim', '{n} action(s) waiting to be sent'),

  // Feedback after an action.
  okCalled: l('{n} dipanggil ke loket {c}.', '{n} called to counter {c}.'),
  okRecalled: l('{n} dipanggil ulang.', '{n} called again.'),
  okServing: l('Mulai melayani {n}.', 'Serving {n}.'),
  okFinished: l('{n} selesai dilayani.', '{n} finished.'),
  okNoShow: l(
    '{n} dicatat tidak hadir. Bisa dikembalikan dengan F9.',
    '{n} marked no-show. F9 puts it back.',
  ),
  okHeld: l(
    '{n} ditahan. Panggil lagi dengan F8 atau dari daftar.',
    '{n} is on hold. Call it again with F8 or from the list.',
  ),
  okTransferred: l('{n} dialihkan ke {to}.', '{n} transferred to {to}.'),
  okPutBack: l('{n} dikembalikan ke depan antrean.', '{n} is back at the front of the queue.'),
  okStatus: l('Status loket: {s}.', 'Counter status: {s}.'),
  queuedOffline: l(
    '{n}: {a} — akan dikirim saat tersambung kembali.',
    '{n}: {a} — will be sent on reconnect.',
  ),
  sentAfterReconnect: l('{a} {n} terkirim setelah tersambung kembali.', '{a} {n} sent after reconnecting.'),
  refused: l('Ditolak', 'Refused'),

  // Dialogs.
  cancel: l('Batal', 'Cancel'),
  confirm: l('Ya, lanjutkan', 'Yes, continue'),
  transferTitle: l('Alihkan {n}', 'Transfer {n}'),
  transferSearch: l(
    'Cari layanan, instansi, atau nomor loket…',
    'Search services, agencies or counter numbers…',
  ),
  transferFront: l(
    'Tempatkan di depan antrean tujuan (pengunjung sudah menunggu)',
    'Put at the front of the target queue (the visitor has already waited)',
  ),
  transferNoMatch: l('Tidak ada layanan atau loket yang cocok.', 'No service or counter matches.'),
  transferNote: l('Catatan untuk loket berikutnya (opsional)', 'Note for the next counter (optional)'),
  transferNotePlaceholder: l(
    'mis. KK sudah diperiksa, tinggal cetak',
    'e.g. family card checked, print only',
  ),
  transferNoteHint: l(
    'Hanya tampil di loket, tidak di layar publik. Jangan tulis NIK atau nomor HP. {n}/{max}',
    'Shown at counters only, never on public screens. No NIK or phone numbers. {n}/{max}',
  ),
  transferNoteTooLong: l('Catatan paling banyak {max} karakter.', 'A note holds at most {max} characters.'),
  transferNoteDigits: l(
    'Catatan tidak boleh memuat NIK atau nomor HP.',
    'A note may not hold a NIK or a phone number.',
  ),
  transferClosedWarning: l(
    'Semua loket untuk {target} sedang tutup: {n} menunggu sampai ada loket yang dibuka. Beri tahu pengunjung, lalu tekan Enter lagi untuk tetap mengalihkan.',
    'Every counter for {target} is closed: {n} waits until one opens. Tell the visitor, then press Enter again to transfer anyway.',
  ),
  transferAnyway: l('Tetap alihkan', 'Transfer anyway'),
  noteFrom: l('Catatan dari loket {c}', 'Note from counter {c}'),
  servicesHeading: l('Layanan', 'Services'),
  countersHeading: l('Loket', 'Counters'),
  waitingShort: l('{n} menunggu', '{n} waiting'),
  noCounterOpen: l('semua loket tutup', 'no counter open'),
  countersOnBreak: l('loket sedang istirahat', 'counters on a break'),
  countersOpenShort: l('{n} loket buka', '{n} counter(s) open'),
  currentService: l('layanan saat ini', 'current service'),
  callNumberTitle: l('Panggil nomor tertentu', 'Call a specific number'),
  callNumberLabel: l('Nomor antrean', 'Ticket number'),
  callNumberInvalid: l('Ketik nomor seperti A-007 atau a7.', 'Type a number such as A-007 or a7.'),
  callNumberPreview: l('{n} · {service} · {status}', '{n} · {service} · {status}'),
  arrivalTitle: l('Pengunjung {n} datang?', 'Did visitor {n} come?'),
  arrivalLead: l(
    '{n} dipanggil {t} lalu dan belum mulai dilayani. Tentukan dulu apa yang terjadi.',
    '{n} was called {t} ago and has not been started. Say first what happened.',
  ),
  arrivalStart: l('Ya, datang — mulai layani {n}', 'Yes, here — start serving {n}'),
  arrivalNoShow: l(
    'Tidak datang — catat {n} tidak hadir, lalu panggil berikutnya',
    'Did not come — record {n} as a no-show, then call the next',
  ),
  arrivalConfirmStart: l('Mulai layani', 'Start serving'),
  servedTitle: l('Pengunjung {n} sudah dilayani?', 'Was visitor {n} served?'),
  servedStart: l('Belum — mulai layani {n} sekarang', 'Not yet — start serving {n} now'),
  servedFinish: l('Sudah — catat {n} selesai dilayani', 'Yes — record {n} as served'),
  servedNoShow: l('Tidak datang — catat {n} tidak hadir', 'Did not come — record {n} as a no-show'),
  servedConfirmFinish: l('Catat selesai', 'Record as served'),
  servedConfirmNoShow: l('Catat tidak hadir', 'Record no-show'),
  arrivalConfirmNoShow: l('Tidak hadir & panggil berikutnya', 'No-show & call next'),
  earlyNoShowConfirm: l(
    'Saya sudah memastikan pengunjung tidak ada',
    'I have made sure the visitor is not here',
  ),
  noShowTitle: l('Catat {n} tidak hadir?', 'Record {n} as a no-show?'),
  noShowRecallHint: l(
    'Lebih baik Batal (Esc) lalu panggil ulang (F2): pengunjung yang sedang berjalan ke loket mendengarnya.',
    'Better: Cancel (Esc), then recall (F2), so a visitor on the way hears it.',
  ),
  noShowAnyway: l('Tetap catat tidak hadir', 'Record no-show anyway'),
  putBackTitle: l('Kembalikan pengunjung yang tidak hadir', 'Put back a no-show'),
  putBackSearch: l('Cari nomor…', 'Search a number…'),
  putBackEmpty: l('Tidak ada antrean tidak hadir hari ini.', 'No no-shows today.'),
  putBackLead: l(
    'Pengunjung yang datang terlambat kembali ke depan antrean layanannya.',
    'A late visitor goes back to the front of the queue of their service.',
  ),
  breakTitle: l('Istirahat', 'Take a break'),
  breakLead: l('Pilih alasan istirahat.', 'Choose the reason for the break.'),
  breakOther: l('Alasan lain', 'Other reason'),
  closeTitle: l('Tutup loket?', 'Close the counter?'),
  closeWaiting: l(
    'Masih ada {n} antrean menunggu untuk layanan loket ini. {others}',
    '{n} ticket(s) still wait for this counter’s services. {others}',
  ),
  closeOthersOpen: l(
    '{k} loket lain masih buka untuk layanan ini.',
    '{k} other counter(s) still serve them.',
  ),
  closeNoOthers: l('Tidak ada loket lain yang buka untuk layanan ini.', 'No other counter is open for them.'),
  closeAnyway: l('Tutup loket', 'Close the counter'),
  handleCurrentFirst: l(
    'Selesaikan, tahan, atau alihkan {n} terlebih dahulu.',
    'Finish, hold or transfer {n} first.',
  ),
  signOutTitle: l('Keluar dari loket {c}?', 'Sign out of counter {c}?'),
  signOutCurrent: l(
    '{n} masih {status} di loket ini. Tentukan dulu agar antrean tidak tertahan.',
    '{n} is still {status} at this counter. Decide first so it is not left stuck.',
  ),
  signOutFinish: l('Selesaikan {n} lalu keluar', 'Finish {n} and sign out'),
  signOutReturn: l('Kembalikan {n} ke antrean lalu keluar', 'Return {n} to the queue and sign out'),
  signOutCloseCounter: l('Tutup loket saat keluar', 'Close the counter when signing out'),
  signOutConfirm: l('Keluar', 'Sign out'),

  hubSetupTitle: l('Alamat server antrean', 'Queue server address'),
  hubSetupLead: l(
    'Masukkan alamat server antrean (hub) di jaringan aula, misalnya http://192.168.1.10:3000.',
    'Enter the address of the hall’s queue server (hub), for example http://192.168.1.10:3000.',
  ),
  hubSetupSave: l('Simpan dan hubungkan', 'Save and connect'),
  hubSetupInvalid: l(
    'Alamat harus diawali http:// atau https://',
    'The address must start with http:// or https://',
  ),
} satisfies Record<string, LocalizedText>;

export const PRIORITY_TEXT: Record<PriorityGroup, LocalizedText> = {
  none: l('Reguler', 'Regular'),
  elderly: l('Lansia', 'Elderly'),
  disability: l('Disabilitas', 'Disability'),
  pregnant: l('Ibu hamil', 'Pregnant'),
  child: l('Anak', 'Child'),
  disaster: l('Korban bencana', 'Disaster victim'),
};

export const BREAK_REASONS: readonly LocalizedText[] = [
  l('Ishoma (istirahat, salat, makan)', 'Lunch and prayer break'),
  l('Salat', 'Prayer'),
  l('Rapat atau koordinasi', 'Meeting'),
  l('Gangguan sistem atau perangkat', 'System or device problem'),
];

export const TICKET_STATUS_TEXT: Record<TicketStatus, LocalizedText> = {
  waiting: l('menunggu', 'waiting'),
  called: l('dipanggil', 'called'),
  serving: l('sedang dilayani', 'being served'),
  held: l('ditahan', 'on hold'),
  done: l('selesai', 'done'),
  no_show: l('tidak hadir', 'no-show'),
  cancelled: l('dibatalkan', 'cancelled'),
  expired: l('kedaluwarsa', 'expired'),
};

/** The break reason as the hub stores it (Indonesian), shown in the chosen language when it is a known one. */
export function breakReasonText(reason: string | undefined): LocalizedText | undefined {
  if (reason === undefined) return undefined;
  return BREAK_REASONS.find((r) => r.id === reason) ?? { id: reason, en: reason };
}
