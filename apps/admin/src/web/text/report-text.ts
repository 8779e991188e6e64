import type { LocalizedText, PriorityGroup } from '@antre/shared';
import type { PeriodKind, VisitOrigin } from '@antre/reporting';

/** The reports page's words, Indonesian first. */
export const R = {
  title: { id: 'Laporan', en: 'Reports' },
  filters: { id: 'Saringan laporan', en: 'Report filters' },
  period: { id: 'Periode', en: 'Period' },
  date: { id: 'Tanggal di periode', en: 'A day in the period' },
  from: { id: 'Dari', en: 'From' },
  to: { id: 'Sampai', en: 'To' },
  agency: { id: 'Instansi', en: 'Agency' },
  service: { id: 'Layanan', en: 'Service' },
  counter: { id: 'Loket', en: 'Counter' },
  staff: { id: 'Petugas', en: 'Staff member' },
  priority: { id: 'Kelompok prioritas', en: 'Priority group' },
  origin: { id: 'Asal tiket', en: 'Ticket origin' },
  all: { id: 'Semua', en: 'All' },
  monthlySummary: { id: 'Ringkasan bulanan (cetak)', en: 'Monthly summary (print)' },
  rawVisits: { id: 'Data kunjungan (CSV)', en: 'Visit rows (CSV)' },
  periods: {
    day: { id: 'Hari', en: 'Day' },
    week: { id: 'Minggu', en: 'Week' },
    month: { id: 'Bulan', en: 'Month' },
    year: { id: 'Tahun', en: 'Year' },
    custom: { id: 'Rentang sendiri', en: 'Custom range' },
  } satisfies Record<PeriodKind, LocalizedText>,
  priorities: {
    none: { id: 'Umum', en: 'General' },
    elderly: { id: 'Lansia', en: 'Elderly' },
    disability: { id: 'Penyandang disabilitas', en: 'Persons with disabilities' },
    pregnant: { id: 'Ibu hamil', en: 'Pregnant women' },
    child: { id: 'Anak-anak', en: 'Children' },
    disaster: { id: 'Korban bencana', en: 'Disaster victims' },
  } satisfies Record<PriorityGroup, LocalizedText>,
  origins: {
    kiosk: { id: 'Kios', en: 'Kiosk' },
    offline: { id: 'Kios luring', en: 'Kiosk offline' },
    appointment: { id: 'Janji temu', en: 'Appointment' },
    staff: { id: 'Petugas', en: 'Staff' },
    online: { id: 'Daring', en: 'Online' },
  } satisfies Record<VisitOrigin, LocalizedText>,
};
