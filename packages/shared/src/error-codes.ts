import type { LocalizedText } from './hall-config.js';

export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'PROTOCOL_MISMATCH',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'INVALID_CREDENTIALS',
  'INVALID_PAIRING_CODE',
  'UNKNOWN_SERVICE',
  'UNKNOWN_COUNTER',
  'UNKNOWN_TICKET',
  'SERVICE_CLOSED',
  'QUOTA_REACHED',
  'COUNTER_NOT_OPEN',
  'COUNTER_BUSY',
  'NO_CURRENT_TICKET',
  'TICKET_MISMATCH',
  'QUEUE_EMPTY',
  'TICKET_NOT_CALLABLE',
  'TICKET_NOT_FOR_COUNTER',
  'VISITOR_NOT_STARTED',
  'NO_SHOW_TOO_EARLY',
  'INVALID_TRANSFER',
  'TARGET_CLOSED',
  'LEASE_INVALID',
  'DUPLICATE_NUMBER',
  'UNKNOWN_PACKAGE',
  'INVALID_VISIT',
  'PRINTER_FAULT',
  /** A config change whose item someone else changed since the version it names (two supervisors). */
  'CONFIG_CONFLICT',
  /** A config change that a live rule refuses: the item is in use today (waiting tickets, a visitor). */
  'IN_USE',
  /** A config change that names an item the config does not have. */
  'UNKNOWN_ITEM',
  /** A config change that adds an item whose id (or prefix, or name) is taken. */
  'DUPLICATE_ID',
  'SURVEY_NOT_OPEN',
  'SURVEY_ANSWERED',
  /** A survey answer without its ticket's link key (`?k=` of the printed QR), or with another's. */
  'SURVEY_LINK_INVALID',
  'INTERNAL',
  /** Made by a client, never sent by the hub: the hub cannot be reached now. */
  'HUB_UNREACHABLE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface DomainError {
  code: ErrorCode;
  /** For developers and logs, in English; clients show `ERROR_TEXT[code]`. */
  message: string;
  details?: Record<string, string | number | boolean>;
}

export function domainError(code: ErrorCode, message: string, details?: DomainError['details']): DomainError {
  return details === undefined ? { code, message } : { code, message, details };
}

/** What a person reads when a command is refused. */
export const ERROR_TEXT: Record<ErrorCode, LocalizedText> = {
  VALIDATION_FAILED: { id: 'Permintaan tidak valid.', en: 'The request is not valid.' },
  PROTOCOL_MISMATCH: {
    id: 'Versi aplikasi tidak cocok dengan server. Muat ulang aplikasi.',
    en: 'This app version does not match the server. Reload the app.',
  },
  UNAUTHENTICATED: { id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' },
  FORBIDDEN: { id: 'Anda tidak berwenang untuk tindakan ini.', en: 'You are not allowed to do this.' },
  RATE_LIMITED: {
    id: 'Terlalu banyak permintaan. Coba lagi sebentar.',
    en: 'Too many requests. Try again shortly.',
  },
  INVALID_CREDENTIALS: { id: 'Nama pengguna atau PIN salah.', en: 'Wrong user name or PIN.' },
  INVALID_PAIRING_CODE: { id: 'Kode pemasangan salah.', en: 'Wrong pairing code.' },
  UNKNOWN_SERVICE: { id: 'Layanan tidak ditemukan.', en: 'Service not found.' },
  UNKNOWN_COUNTER: { id: 'Loket tidak ditemukan.', en: 'Counter not found.' },
  UNKNOWN_TICKET: { id: 'Nomor antrean tidak ditemukan.', en: 'Ticket not found.' },
  SERVICE_CLOSED: { id: 'Layanan sedang tutup.', en: 'The service is closed.' },
  QUOTA_REACHED: {
    id: 'Kuota layanan hari ini sudah habis.',
    en: "Today's quota for this service is used up.",
  },
  COUNTER_NOT_OPEN: { id: 'Loket belum dibuka.', en: 'The counter is not open.' },
  COUNTER_BUSY: {
    id: 'Selesaikan dulu antrean yang sedang dilayani.',
    en: 'Finish the current ticket first.',
  },
  NO_CURRENT_TICKET: { id: 'Tidak ada antrean yang sedang dipanggil.', en: 'No ticket is being served.' },
  TICKET_MISMATCH: {
    id: 'Antrean ini sudah tidak dilayani di loket ini.',
    en: 'This ticket is no longer at this counter.',
  },
  QUEUE_EMPTY: { id: 'Tidak ada antrean yang menunggu.', en: 'Nobody is waiting.' },
  TICKET_NOT_CALLABLE: {
    id: 'Antrean ini tidak dapat dipanggil dalam statusnya sekarang.',
    en: 'This ticket cannot be called in its present status.',
  },
  TICKET_NOT_FOR_COUNTER: {
    id: 'Antrean ini bukan untuk loket ini.',
    en: 'This ticket is not for this counter.',
  },
  VISITOR_NOT_STARTED: {
    id: 'Pengunjung yang dipanggil belum mulai dilayani. Tentukan dulu: mulai layani, atau catat tidak hadir.',
    en: 'The called visitor has not been started. Decide first: start serving, or record a no-show.',
  },
  NO_SHOW_TOO_EARLY: {
    id: 'Terlalu cepat untuk mencatat tidak hadir. Panggil ulang dulu, atau konfirmasi.',
    en: 'Too early to record a no-show. Recall first, or confirm.',
  },
  INVALID_TRANSFER: { id: 'Tujuan pengalihan tidak valid.', en: 'Invalid transfer target.' },
  TARGET_CLOSED: {
    id: 'Semua loket tujuan sedang tutup. Konfirmasi untuk tetap mengalihkan.',
    en: 'Every counter of the target is closed. Confirm to transfer anyway.',
  },
  LEASE_INVALID: { id: 'Nomor luring tidak sah.', en: 'Offline number not valid.' },
  DUPLICATE_NUMBER: { id: 'Nomor antrean sudah dipakai.', en: 'Ticket number already used.' },
  UNKNOWN_PACKAGE: { id: 'Paket layanan tidak ditemukan.', en: 'Service package not found.' },
  INVALID_VISIT: {
    id: 'Rencana kunjungan tidak dapat dibuat atau diubah seperti itu.',
    en: 'The visit plan cannot be made or changed that way.',
  },
  PRINTER_FAULT: { id: 'Printer tiket bermasalah.', en: 'The ticket printer has a problem.' },
  CONFIG_CONFLICT: {
    id: 'Data ini baru saja diubah orang lain. Muat ulang dan periksa lagi.',
    en: 'Someone else changed this meanwhile. Reload and check again.',
  },
  IN_USE: {
    id: 'Sedang dipakai hari ini; tidak dapat diubah sekarang.',
    en: 'In use today; cannot change now.',
  },
  UNKNOWN_ITEM: { id: 'Data tidak ditemukan.', en: 'Not found.' },
  DUPLICATE_ID: { id: 'Sudah dipakai.', en: 'Already in use.' },
  SURVEY_NOT_OPEN: {
    id: 'Survei untuk kunjungan ini belum atau tidak lagi dibuka.',
    en: 'The survey for this visit is not open (yet or any more).',
  },
  SURVEY_ANSWERED: {
    id: 'Survei untuk kunjungan ini sudah diisi. Terima kasih.',
    en: 'This visit has already been rated. Thank you.',
  },
  SURVEY_LINK_INVALID: {
    id: 'Tautan survei ini tidak berlaku. Pindai kode QR pada tiket Anda.',
    en: 'This survey link is not valid. Scan the QR code on your ticket.',
  },
  INTERNAL: { id: 'Terjadi kesalahan pada server.', en: 'Server error.' },
  HUB_UNREACHABLE: {
    id: 'Tidak terhubung ke server antrean. Tindakan ini menunggu sambungan.',
    en: 'Not connected to the queue server. This action needs the connection.',
  },
};
