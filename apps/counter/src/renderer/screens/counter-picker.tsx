import { useMemo, useState } from 'react';
import type { CounterConfig, DayView, SignedInStaff } from '@antre/shared';
import type { HubView } from '@antre/ui';
import { ConnectionBanner, agencyStyle, useLanguage } from '@antre/ui';
import { CompactLanguageToggle } from '../desk/compact-language-toggle.js';
import { StatusPill } from '../desk/status-pill.js';
import type { HallIndex } from '../model/hall-index.js';
import { normalize } from '../model/search-text.js';
import { T, fill } from '../text/ui-text.js';
import { SearchField } from '../dialogs/search-field.js';
import '../shared/badges.css';
import '../shared/buttons.css';
import '../shared/notes.css';
import './counter-picker.css';

export interface CounterPickerProps {
  hub: HubView;
  index: HallIndex;
  staff: SignedInStaff;
  counters: CounterConfig[];
  currentId: string | undefined;
  onChoose: (counterId: string) => void;
  onCancel: (() => void) | undefined;
  onSignOut: () => void;
}

function waitingByService(state: DayView): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of Object.values(state.tickets)) {
    if (t.status === 'waiting') counts.set(t.serviceId, (counts.get(t.serviceId) ?? 0) + 1);
  }
  return counts;
}

/** The counters a staff member may take (their agency's; a supervisor's: all, searchable), with who is where. */
export function CounterPicker(props: CounterPickerProps) {
  const { hub, index, staff, counters } = props;
  const { t } = useLanguage();
  const [query, setQuery] = useState('');
  const waiting = useMemo(
    () => (hub.state ? waitingByService(hub.state) : new Map<string, number>()),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the mirror mutates in place: its version keys the result
    [hub.state, hub.version],
  );
  const supervisor = staff.role === 'supervisor';

  const shown = useMemo(() => {
    const words = normalize(query).split(/\s+/).filter(Boolean);
    if (words.length === 0) return counters;
    return counters.filter((c) => {
      const agency = index.agencies.get(c.agencyId);
      const services = c.serviceIds.map((id) => index.services.get(id)?.name.id ?? '').join(' ');
      const text = normalize(`loket ${c.name} ${agency?.name ?? ''} ${agency?.shortName ?? ''} ${services}`);
      return words.every((w) => text.includes(w));
    });
  }, [counters, query, index]);

  const groups = useMemo(() => {
    const byAgency = new Map<string, CounterConfig[]>();
    for (const c of shown) byAgency.set(c.agencyId, [...(byAgency.get(c.agencyId) ?? []), c]);
    return [...byAgency.entries()];
  }, [shown]);

  return (
    <main className="picker">
      <ConnectionBanner status={hub.status} />
      <header className="picker-head">
        <div className="brand-row">
          <div className="brand-mark" aria-hidden="true">
            A
          </div>
          <span>{index.config.hall.name}</span>
        </div>
        <div className="picker-who">
          <strong>{staff.name}</strong>
          <span>
            {staff.agencyId ? (index.agencies.get(staff.agencyId)?.shortName ?? '') : t(T.supervisor)}
          </span>
        </div>
        <CompactLanguageToggle />
        {props.onCancel ? (
          <button type="button" className="btn ghost" onClick={props.onCancel}>
            {t(T.cancel)}
          </button>
        ) : null}
        <button type="button" className="btn ghost" onClick={props.onSignOut}>
          {t(T.signOut)}
        </button>
      </header>
      <section className="picker-body">
        <div className="picker-title">
          <h1>{t(T.chooseCounter)}</h1>
          <p>{t(T.chooseCounterLead)}</p>
        </div>
        {supervisor ? <SearchField label={t(T.searchCounters)} value={query} onChange={setQuery} /> : null}
        {counters.length === 0 ? <p className="empty-note">{t(T.noCounters)}</p> : null}
        {groups.map(([agencyId, list]) => {
          const agency = index.agencies.get(agencyId);
          return (
            <div key={agencyId} className="picker-group">
              {supervisor || groups.length > 1 ? (
                <h2>
                  <span className="agency-dot" style={agencyStyle(agency?.color)} />
                  {agency?.name ?? agencyId}
                </h2>
              ) : null}
              <div className="picker-grid">
                {list.map((c, i) => {
                  const state = hub.state?.counters[c.id];
                  const staffName = state?.staff
                    ? (index.staffNames.get(state.staff) ?? state.staff)
                    : undefined;
                  const count = c.serviceIds.reduce((sum, id) => sum + (waiting.get(id) ?? 0), 0);
                  return (
                    <button
                      key={c.id}
                      type="button"
                      className={`counter-card ${c.id === props.currentId ? 'current' : ''}`}
                      style={agencyStyle(agency?.color)}
                      autoFocus={
                        !supervisor &&
                        (c.id === props.currentId || (props.currentId === undefined && i === 0))
                      }
                      onClick={() => props.onChoose(c.id)}
                    >
                      <span className="counter-card-top">
                        <strong>{t(fill(T.counterN, { n: c.name }))}</strong>
                        <StatusPill status={state?.status ?? 'closed'} />
                      </span>
                      <span className="counter-card-services">
                        {c.serviceIds.map((id) => {
                          const s = index.services.get(id);
                          return s ? (
                            <span key={id} className="service-line">
                              <span className="prefix-badge">{s.prefix}</span>
                              {t(s.name)}
                            </span>
                          ) : null;
                        })}
                      </span>
                      <span className="counter-card-foot">
                        <span>{t(fill(T.waitingTotal, { n: count }))}</span>
                        {staffName && state?.status !== 'closed' ? (
                          <span>{t(fill(T.inUseBy, { name: staffName }))}</span>
                        ) : null}
                      </span>
                    </button>
                  );
                })}
              </div>
            </div>
          );
        })}
      </section>
    </main>
  );
}
