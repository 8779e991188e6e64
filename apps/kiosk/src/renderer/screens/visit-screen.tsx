import { useState } from 'react';
import type { PublicHallConfig } from '@antre/shared';
import { visitRequirements } from '@antre/shared';
import { agencyStyle, useLanguage } from '@antre/ui';
import type { VisitChoice } from '../../core/issue-command.js';
import type { KioskAvailability } from '../../core/service-availability.js';
import { BackButton } from '../components/back-button.js';
import '../shared/buttons.css';
import '../shared/screen-heading.css';
import './visit-screen.css';
import { VISIT_TEXT } from './visit-text.js';

/**
 * Several services on one ticket: a package of the hall (services can be left out), or a basket of any
 * services. The hub plans the order (the law's where a package fixes one, else the shortest queue).
 */
export function VisitScreen(props: {
  config: PublicHallConfig;
  availability: KioskAvailability | undefined;
  canIssue: boolean;
  onBack: () => void;
  onTake: (choice: VisitChoice) => void;
}) {
  const { t, lang } = useLanguage();
  const { config } = props;
  const [choice, setChoice] = useState<VisitChoice>({ serviceIds: [] });
  const [adding, setAdding] = useState('');
  const pkg = config.packages.find((p) => p.id === choice.packageId);
  const service = (id: string) => config.services.find((s) => s.id === id);
  const agencyOf = (id: string) => config.agencies.find((a) => a.id === service(id)?.agencyId);
  // In a package, only its own services; in a basket, any.
  const addable = (pkg ? pkg.serviceIds : config.services.map((s) => s.id)).filter(
    (id) => !choice.serviceIds.includes(id),
  );
  const refused = choice.serviceIds.filter((id) => props.availability?.services[id]?.refusal);
  const requirements = visitRequirements(config, choice.serviceIds, lang);
  const ready = choice.serviceIds.length >= 2 && refused.length === 0 && props.canIssue;

  const remove = (id: string) => {
    const serviceIds = choice.serviceIds.filter((s) => s !== id);
    setChoice(choice.packageId === undefined ? { serviceIds } : { serviceIds, packageId: choice.packageId });
  };
  const add = () => {
    if (adding === '' || !addable.includes(adding)) return;
    const serviceIds = [...choice.serviceIds, adding];
    setChoice(choice.packageId === undefined ? { serviceIds } : { serviceIds, packageId: choice.packageId });
    setAdding('');
  };

  return (
    <div className="visit-screen">
      <div className="screen-bar">
        <BackButton onBack={props.onBack} />
        <div className="screen-bar-title">
          <h1 className="screen-title">{t(VISIT_TEXT.title)}</h1>
          <p className="screen-subtitle">{t(VISIT_TEXT.subtitle)}</p>
        </div>
      </div>
      <div className="visit-layout">
        <section aria-labelledby="visit-packages">
          <p className="section-label" id="visit-packages">
            {t(VISIT_TEXT.packages)}
          </p>
          <div className="package-list">
            {config.packages.map((p) => (
              <button
                key={p.id}
                type="button"
                className={`package-card${p.id === choice.packageId ? ' chosen' : ''}`}
                aria-pressed={p.id === choice.packageId}
                data-testid={`package-${p.id}`}
                onClick={() => setChoice({ packageId: p.id, serviceIds: [...p.serviceIds] })}
              >
                <strong className="package-name">{t(p.name)}</strong>
                {p.description ? <span className="package-description">{t(p.description)}</span> : null}
                <span className="package-agencies">
                  {[...new Set(p.serviceIds.map((id) => agencyOf(id)?.shortName ?? ''))].join(' · ')}
                </span>
              </button>
            ))}
          </div>
        </section>
        <aside className="visit-panel" aria-labelledby="visit-plan">
          <h2 className="visit-panel-title" id="visit-plan">
            {pkg ? `${t(VISIT_TEXT.yourVisit)}: ${t(pkg.name)}` : t(VISIT_TEXT.yourVisit)}
          </h2>
          {choice.serviceIds.length === 0 ? (
            <p className="visit-empty">{t(VISIT_TEXT.empty)}</p>
          ) : (
            <ol className="visit-legs" data-testid="visit-legs">
              {choice.serviceIds.map((id) => {
                const refusal = props.availability?.services[id]?.refusal;
                return (
                  <li key={id} className="visit-leg" style={agencyStyle(agencyOf(id)?.color)}>
                    <span className="visit-leg-text">
                      <strong>{service(id) ? t(service(id)!.name) : id}</strong>
                      <span>
                        {agencyOf(id)?.shortName}
                        {refusal ? ` · ${t(VISIT_TEXT.closedOrFull)}` : ''}
                      </span>
                    </span>
                    <button type="button" className="visit-remove" onClick={() => remove(id)}>
                      {t(VISIT_TEXT.remove)}
                    </button>
                  </li>
                );
              })}
            </ol>
          )}
          {pkg && pkg.order.length > 0 ? <p className="visit-note">{t(VISIT_TEXT.orderFixed)}</p> : null}
          {addable.length > 0 ? (
            <div className="visit-add">
              <label htmlFor="visit-add-select">{t(VISIT_TEXT.addService)}</label>
              <div className="visit-add-row">
                <select
                  id="visit-add-select"
                  value={adding}
                  onChange={(e) => setAdding(e.target.value)}
                  data-testid="visit-add-select"
                >
                  <option value="">—</option>
                  {addable.map((id) => (
                    <option key={id} value={id}>
                      {`${agencyOf(id)?.shortName ?? ''} · ${service(id) ? t(service(id)!.name) : id}`}
                    </option>
                  ))}
                </select>
                <button type="button" className="secondary-button visit-add-button" onClick={add}>
                  {t(VISIT_TEXT.add)}
                </button>
              </div>
            </div>
          ) : null}
          {requirements.length > 0 ? (
            <>
              <h3 className="visit-requirements-title">{t(VISIT_TEXT.requirements)}</h3>
              <ul className="visit-requirements">
                {requirements.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </>
          ) : null}
          <button
            type="button"
            className="primary-button visit-take"
            disabled={!ready}
            onClick={() => props.onTake(choice)}
            data-testid="visit-take"
          >
            {choice.serviceIds.length < 2 ? t(VISIT_TEXT.needTwo) : t(VISIT_TEXT.take)}
          </button>
        </aside>
      </div>
    </div>
  );
}

/** The home screen's way in: several services at once. */
export function VisitEntry(props: { onOpen: () => void }) {
  const { t } = useLanguage();
  return (
    <button type="button" className="visit-entry" onClick={props.onOpen} data-testid="visit-entry">
      <strong>{t(VISIT_TEXT.entryTitle)}</strong>
      <span>{t(VISIT_TEXT.entryHint)}</span>
    </button>
  );
}

/** Under the ticket: the counters the same number goes to, in the plan's order. */
export function VisitLegsOnTicket(props: { config: PublicHallConfig; legs: readonly string[] }) {
  const { t } = useLanguage();
  return (
    <section className="visit-on-ticket" data-testid="ticket-legs">
      <h2>{t(VISIT_TEXT.legsOnTicket)}</h2>
      <ol>
        {props.legs.map((id) => {
          const service = props.config.services.find((s) => s.id === id);
          const agency = props.config.agencies.find((a) => a.id === service?.agencyId);
          return (
            <li key={id}>
              <strong>{service ? t(service.name) : id}</strong> · {agency?.shortName}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
