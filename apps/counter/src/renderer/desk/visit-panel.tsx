import type { DayView, LocalizedText, ReadonlyTicket, VisitLegStatus } from '@antre/shared';
import { visitProgress } from '@antre/shared';
import { agencyStyle, useLanguage } from '@antre/ui';
import type { HallIndex } from '../model/hall-index.js';
import { formatMinutes } from '../model/time-format.js';
import type { VisitOffer, VisitOffers } from '../model/visit-actions.js';
import { fill } from '../text/ui-text.js';
import { VISIT_TEXT } from '../text/visit-text.js';
import '../shared/buttons.css';
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

export interface VisitControls {
  offers: VisitOffers;
  onAdd: () => void;
  onEnd: () => void;
  onSkip: (offer: VisitOffer, leg: number) => void;
  onReorder: (offer: VisitOffer) => void;
}

/** A small button for a visit command: disabled with the hub's reason as its title, and read out with it. */
function OfferButton(props: {
  offer: VisitOffer | undefined;
  label: LocalizedText;
  text: string;
  onClick: () => void;
}) {
  const { t } = useLanguage();
  const { offer } = props;
  if (!offer) return null;
  const label = t(props.label);
  const why = offer.reason ? t(offer.reason) : undefined;
  return (
    <button
      type="button"
      className="btn small ghost visit-leg-button"
      data-visit-command={offer.command.type}
      disabled={!offer.enabled}
      aria-label={why ? `${label} (${why})` : label}
      title={why ?? label}
      onClick={props.onClick}
    >
      {props.text}
    </button>
  );
}

/** Add a service, end the visit: each with what it does, or why not now, under its label. */
function VisitBar(props: { controls: VisitControls; ended: boolean }) {
  const { t } = useLanguage();
  const { offers } = props.controls;
  return (
    <div className="visit-panel-bar">
      <button
        type="button"
        className="btn small visit-bar-button"
        data-visit-action="addLeg"
        title={t(VISIT_TEXT.addLegHint)}
        disabled={!offers.canAdd.enabled}
        onClick={props.controls.onAdd}
      >
        <strong>{t(VISIT_TEXT.addLeg)}</strong>
        {offers.canAdd.reason ? <small>{t(offers.canAdd.reason)}</small> : null}
      </button>
      {props.ended ? (
        <button
          type="button"
          className="btn small visit-bar-button warn"
          data-visit-action="endVisit"
          title={t(VISIT_TEXT.endVisitHint)}
          disabled={!offers.end.enabled}
          onClick={props.controls.onEnd}
        >
          <strong>{t(VISIT_TEXT.endVisit)}</strong>
          {offers.end.reason ? <small>{t(offers.end.reason)}</small> : null}
        </button>
      ) : null}
    </div>
  );
}

/**
 * The visit of the ticket at the counter, when it has several services: what was done before and where, what
 * is being done here, and which leg comes next (the domain's pick: the law's order, then the shortest queue).
 * With `controls`, staff add a service (a ticket for one service becomes a visit), skip or move the legs
 * still to go, or end the visit at a no-show.
 */
export function VisitPanel(props: {
  state: DayView;
  index: HallIndex;
  ticket: ReadonlyTicket;
  now: number;
  controls?: VisitControls | undefined;
}) {
  const { t, lang } = useLanguage();
  const { index, controls } = props;
  const progress = visitProgress(props.state, index.config, props.ticket, props.now);
  if (!progress) {
    return controls ? (
      <section
        className="panel visit-panel single"
        aria-label={t(VISIT_TEXT.addLeg)}
        data-testid="visit-panel"
      >
        <VisitBar controls={controls} ended={false} />
      </section>
    ) : null;
  }
  const legOffers = new Map(controls?.offers.legs.map((o) => [o.leg, o]));
  return (
    <section className="panel visit-panel" aria-labelledby="visit-title" data-testid="visit-panel">
      <header className="panel-head">
        <h2 id="visit-title" title={t(progress.next !== undefined ? TEXT.nextNote : TEXT.lastNote)}>
          {t(TEXT.title)} · {progress.done}/{progress.legs.length}
        </h2>
      </header>
      <ol className="visit-panel-legs">
        {progress.legs.map((leg) => {
          const service = index.services.get(leg.serviceId);
          const agency = service ? index.agencies.get(service.agencyId) : undefined;
          const counter = leg.counterId ? index.counters.get(leg.counterId) : undefined;
          const here = leg.leg === progress.current && leg.status === 'active';
          const offers = legOffers.get(leg.leg);
          const name: LocalizedText = service?.name ?? { id: leg.serviceId, en: leg.serviceId };
          return (
            <li
              key={leg.leg}
              className={`visit-panel-leg ${leg.status}${leg.next ? ' next' : ''}`}
              style={agencyStyle(agency?.color)}
            >
              <strong className="visit-leg-name">{t(name)}</strong>
              <span className="visit-leg-where">
                {agency?.shortName}
                {counter && !here && leg.status !== 'pending' ? ` · ${counter.name}` : ''}
                {leg.minutes !== undefined && !here ? ` · ±${formatMinutes(leg.minutes * 60_000, lang)}` : ''}
              </span>
              <span className="visit-leg-side">
                {offers && controls ? (
                  <>
                    <OfferButton
                      offer={offers.earlier}
                      label={fill(VISIT_TEXT.earlierLabel, { s: name })}
                      text="↑"
                      onClick={() => offers.earlier && controls.onReorder(offers.earlier)}
                    />
                    <OfferButton
                      offer={offers.later}
                      label={fill(VISIT_TEXT.laterLabel, { s: name })}
                      text="↓"
                      onClick={() => offers.later && controls.onReorder(offers.later)}
                    />
                    <OfferButton
                      offer={offers.skip}
                      label={fill(VISIT_TEXT.skipLabel, { s: name })}
                      text={t(VISIT_TEXT.skip)}
                      onClick={() => controls.onSkip(offers.skip, leg.leg)}
                    />
                  </>
                ) : null}
                {/* A leg still to go that staff can act on shows its buttons; its state says nothing more. */}
                {offers && controls && leg.status === 'pending' && !leg.next ? null : (
                  <span className={`visit-panel-state ${here ? 'here' : leg.next ? 'next' : leg.status}`}>
                    {t(here ? TEXT.here : leg.next ? TEXT.next : LEG_TEXT[leg.status])}
                  </span>
                )}
              </span>
            </li>
          );
        })}
      </ol>
      {controls ? (
        <VisitBar controls={controls} ended />
      ) : (
        <p className="visit-panel-note">{t(progress.next !== undefined ? TEXT.nextNote : TEXT.lastNote)}</p>
      )}
    </section>
  );
}
