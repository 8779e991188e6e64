import type { LocalizedText } from '@antre/shared';

const l = (id: string, en: string): LocalizedText => ({ id, en });

/** The words of the counter's visit controls: add, skip, reorder legs and end a visit. */
export const VISIT_TEXT = {
  addLeg: l('Tambah layanan', 'Add a service'),
  addLegHint: l('pengunjung butuh layanan lain', 'the visitor needs another service'),
  addLegTitle: l('Tambah layanan ke kunjungan {n}', 'Add a service to visit {n}'),
  addLegLead: l(
    'Layanan yang ditambahkan menjadi bagian kunjungan ini: nomor yang sama otomatis masuk antreannya setelah layanan di loket ini selesai.',
    'The service joins this visit: the same number joins its queue by itself once this counter is done.',
  ),
  addLegSearch: l('Cari layanan', 'Search services'),
  nothingToAdd: l('tidak ada layanan lain', 'no other service'),
  okAdded: l('{s} ditambahkan ke kunjungan {n}.', '{s} added to visit {n}.'),
  packageOrder: l('paket: {a} sebelum {b}', 'package: {a} before {b}'),
  skip: l('Lewati', 'Skip'),
  skipLabel: l('Lewati {s}', 'Skip {s}'),
  okSkipped: l('{s} dilewati pada kunjungan {n}.', '{s} skipped on visit {n}.'),
  earlier: l('Lebih awal', 'Earlier'),
  earlierLabel: l('Pindahkan {s} lebih awal', 'Move {s} earlier'),
  later: l('Lebih akhir', 'Later'),
  laterLabel: l('Pindahkan {s} lebih akhir', 'Move {s} later'),
  okReordered: l('Urutan layanan kunjungan {n} diubah.', 'The order of visit {n}’s services changed.'),
  endVisit: l('Akhiri kunjungan', 'End the visit'),
  endVisitHint: l('tidak hadir, sisa layanan dibatalkan', 'no-show, the rest is cancelled'),
  endVisitTitle: l('Akhiri kunjungan {n}?', 'End visit {n}?'),
  endVisitLead: l(
    '{n} dicatat tidak hadir di loket ini dan layanan berikut dibatalkan: {legs}. Pengunjung perlu mengambil nomor baru untuk layanan itu.',
    '{n} is recorded as a no-show here and these services are cancelled: {legs}. The visitor needs a new number for them.',
  ),
  endVisitConfirm: l('Tidak hadir & akhiri kunjungan', 'No-show & end the visit'),
  okEnded: l('Kunjungan {n} diakhiri.', 'Visit {n} ended.'),
  noLegsToEnd: l('tidak ada layanan lain dalam kunjungan', 'no other service in the visit'),
} satisfies Record<string, LocalizedText>;
