import type { DayView, LocalizedText, ReadonlyTicket, VisitLegStatus } from '@antre/shared';
import { visitProgress } from '@antre/shared';
import { agencyStyle, useLanguage } from '@antre/ui';
import type { HallIndex } from '../model/hall-index.js';
import { formatMinutes } from '../model/time-format.js';
import '../shared/panel.css';
import './visit-panel.css';

const TEXT = {
  title: { id: 'Rencana kunjungan', en: 'Visit plan' },
  next: { id: 'Berikutnya', en: 'Next' },
  here: { id: 'Di loket ini', en: 'At this counter' },
  nextNote: {
    id: 'Setelah selesai, nomor ini otomatis masuk antrean layanan berikutnya.',
    en: 'When finished, this number joins the next service’s queue by itself.',
  },
  lastNote: { id: 'Ini layanan terakhir kunjungan ini.', en: 'This is the visit’s last service.' },
} satisfies Record<string, LocalizedText>;

const LEG_TEXT: Record<VisitLegStatus, LocalizedText> = {
  pending: { id: 'Belum', en: 'To do' },
  active: { id: 'Sekarang', en: 'Now' },
  done: { id: 'Selesai', en: 'Done' },
  missed: { id: 'Terlewat', en: 'Missed' },
  skipped: { id: 'Dilewati', en: 'Skipped' },
  cancelled: { id: 'Dibatalkan', en: 'Cancelled' },
  expired: { id: 'Kedaluwarsa', en: 'Expired' },
};

/**
 * The visit of the ticket at the counter, when it has several services: what was done before and where, what
 * is being done here, and which leg comes next (the domain's pick: the law's order, then the shortest queue).
 */
export function VisitPanel(props: { state: DayView; index: HallIndex; ticket: ReadonlyTicket; now: number }) {
  const { t, lang } = useLanguage();
  const { index } = props;
  const progress = visitProgress(props.state, index.config, props.ticket, props.now);
  if (!progress) return null;
  return (
    <section className="panel visit-panel" aria-labelledby="visit-title" data-testid="visit-panel">
      <header className="panel-head">
        <h2 id="visit-title">
          {t(TEXT.title)} · {progress.done}/{progress.legs.length}
        </h2>
      </header>
      <ol className="visit-panel-legs">
        {progress.legs.map((leg) => {
          const service = index.services.get(leg.serviceId);
          const agency = service ? index.agencies.get(service.agencyId) : undefined;
          const counter = leg.counterId ? index.counters.get(leg.counterId) : undefined;
          const here = leg.leg === progress.current && leg.status === 'active';
          return (
            <li
              key={leg.leg}
              className={`visit-panel-leg ${leg.status}${leg.next ? ' next' : ''}`}
              style={agencyStyle(agency?.color)}
            >
              <span className="visit-panel-service">
                <strong>{service ? t(service.name) : leg.serviceId}</strong>
                <span>
                  {agency?.shortName}
                  {counter && !here && leg.status !== 'pending' ? ` · ${counter.name}` : ''}
                  {leg.minutes !== undefined && !here
                    ? ` · ±${formatMinutes(leg.minutes * 60_000, lang)}`
                    : ''}
                </span>
              </span>
              <span className={`visit-panel-state ${here ? 'here' : leg.next ? 'next' : leg.status}`}>
                {t(here ? TEXT.here : leg.next ? TEXT.next : LEG_TEXT[leg.status])}
              </span>
            </li>
          );
        })}
      </ol>
      <p className="visit-panel-note">{t(progress.next !== undefined ? TEXT.nextNote : TEXT.lastNote)}</p>
    </section>
  );
}
