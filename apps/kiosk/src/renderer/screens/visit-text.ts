/** The fixed texts of the visit screen (several services on one ticket), Indonesian first. */
export const VISIT_TEXT = {
  entryTitle: { id: 'Beberapa layanan sekaligus?', en: 'Several services at once?' },
  entryHint: {
    id: 'Paket layanan atau pilihan Anda sendiri: satu nomor antrean untuk semuanya',
    en: 'A service package or your own choice: one queue number for all of them',
  },
  title: { id: 'Satu nomor untuk beberapa layanan', en: 'One number for several services' },
  subtitle: {
    id: 'Nomor Anda dipanggil ke setiap loket secara bergiliran. Tidak perlu kembali ke kios.',
    en: 'Your number is called to each counter in turn. No need to come back to the kiosk.',
  },
  packages: { id: 'Paket layanan', en: 'Service packages' },
  yourVisit: { id: 'Rencana kunjungan Anda', en: 'Your visit' },
  empty: {
    id: 'Pilih paket di sebelah kiri, atau tambahkan layanan di bawah.',
    en: 'Choose a package on the left, or add services below.',
  },
  addService: { id: 'Tambah layanan lain', en: 'Add another service' },
  add: { id: 'Tambah', en: 'Add' },
  remove: { id: 'Hapus', en: 'Remove' },
  orderFixed: {
    id: 'Urutan mengikuti aturan (mis. KK sebelum KTP-el); sisanya diatur agar antrean terpendek.',
    en: 'The order follows the rules (e.g. the KK before the KTP-el); the rest goes by the shortest queue.',
  },
  requirements: { id: 'Persyaratan untuk semua layanan', en: 'Documents for all services' },
  take: { id: 'Ambil Satu Nomor', en: 'Take One Number' },
  needTwo: { id: 'Pilih minimal dua layanan', en: 'Choose at least two services' },
  closedOrFull: { id: 'Tidak dapat diambil sekarang', en: 'Not available now' },
  legsOnTicket: { id: 'Satu nomor untuk semua layanan ini', en: 'One number for all these services' },
};
