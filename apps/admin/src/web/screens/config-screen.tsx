import { useEffect, useRef, useState } from 'react';
import type { HubConnection } from '@antre/client';
import type { ConfigItemKind, LocalizedText, PublicHallConfig } from '@antre/shared';
import { agencyStyle, useHub, useLanguage } from '@antre/ui';
import { AgencyForm } from '../forms/agency-form.js';
import { CounterForm } from '../forms/counter-form.js';
import { DisplayForm } from '../forms/display-form.js';
import { KioskForm } from '../forms/kiosk-form.js';
import { PackageForm } from '../forms/package-form.js';
import { HallForm } from '../forms/hall-form.js';
import { HolidayForm } from '../forms/holiday-form.js';
import { ServiceForm } from '../forms/service-form.js';
import { SettingsForm } from '../forms/settings-form.js';
import { submitConfigChange } from '../model/config-submit.js';
import { ConfigFileBar } from './config-file-bar.js';
import { T, fill } from '../text/admin-text.js';
import './config-screen.css';

const TABS = [
  'service',
  'counter',
  'agency',
  'holiday',
  'hall',
  'settings',
  'kiosk',
  'display',
  'package',
] as const;
type Tab = (typeof TABS)[number];

const TAB_TEXT: Record<Tab, LocalizedText> = {
  service: T.services,
  counter: T.counters,
  agency: T.agencies,
  holiday: T.holidays,
  hall: T.hall,
  settings: T.settings,
  kiosk: T.kiosks,
  display: T.displays,
  package: T.packagesTab,
};

type ListTab = 'service' | 'counter' | 'agency' | 'holiday' | 'kiosk' | 'display' | 'package';
type Editing = { kind: ListTab; id: string | undefined } | undefined;

interface Notice {
  tone: 'ok' | 'error';
  text: LocalizedText;
}

/**
 * The hall's config, item by item: each save is one config change the hub decides, logs and broadcasts;
 * the lists here follow the broadcast, as every kiosk and display does.
 */
export function ConfigScreen({ conn }: { conn: HubConnection }) {
  const hub = useHub(conn);
  const { t } = useLanguage();
  const [tab, setTab] = useState<Tab>('service');
  const [editing, setEditing] = useState<Editing>();
  const [notice, setNotice] = useState<Notice>();
  // Bumped to reopen a form on the config as it is now (after a conflict or a save).
  const [formKey, setFormKey] = useState(0);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  // A conflict or a refused removal is said at the top: bring it into view from a long form or list.
  useEffect(() => {
    if (notice) noticeRef.current?.scrollIntoView({ block: 'nearest' });
  }, [notice]);
  const config = hub.config;
  if (!config) return null;

  const done = (saved: boolean) => {
    setEditing(undefined);
    setFormKey((k) => k + 1);
    setNotice(saved ? { tone: 'ok', text: T.saved } : undefined);
  };
  const conflict = (text: LocalizedText) => {
    setNotice({ tone: 'error', text });
    setFormKey((k) => k + 1);
  };
  const remove = async (kind: ConfigItemKind, id: string, name: string) => {
    if (!confirm(fill(t(T.confirmRemove), { name }))) return;
    const outcome = await submitConfigChange(conn, { type: 'remove', kind, id }, conn.configVersion);
    if (outcome.kind === 'saved') setNotice({ tone: 'ok', text: T.removed });
    else if (outcome.kind === 'conflict') setNotice({ tone: 'error', text: outcome.text });
    else setNotice({ tone: 'error', text: Object.values(outcome.errors)[0] ?? T.fixFields });
  };
  const formProps = { conn, config, onDone: done, onConflict: conflict };
  const editForm = () => {
    if (!editing) return null;
    const key = `${editing.kind}:${editing.id ?? '+'}:${formKey}`;
    switch (editing.kind) {
      case 'service':
        return (
          <ServiceForm key={key} {...formProps} item={config.services.find((s) => s.id === editing.id)} />
        );
      case 'counter':
        return (
          <CounterForm key={key} {...formProps} item={config.counters.find((c) => c.id === editing.id)} />
        );
      case 'agency':
        return (
          <AgencyForm key={key} {...formProps} item={config.agencies.find((a) => a.id === editing.id)} />
        );
      case 'holiday':
        return (
          <HolidayForm key={key} {...formProps} item={config.holidays.find((h) => h.date === editing.id)} />
        );
      case 'kiosk':
        return <KioskForm key={key} {...formProps} item={config.kiosks.find((k) => k.id === editing.id)} />;
      case 'display':
        return (
          <DisplayForm key={key} {...formProps} item={config.displays.find((d) => d.id === editing.id)} />
        );
      case 'package':
        return (
          <PackageForm key={key} {...formProps} item={config.packages.find((p) => p.id === editing.id)} />
        );
    }
  };

  return (
    <section className="config" aria-labelledby="config-title">
      <div className="config-head">
        <h1 id="config-title">{t(T.configTitle)}</h1>
        <span className="config-version">
          {t(T.version)} {conn.configVersion}
        </span>
        <ConfigFileBar
          conn={conn}
          onNotice={(tone, text) => {
            setEditing(undefined);
            setFormKey((k) => k + 1);
            setNotice({ tone, text });
          }}
        />
      </div>
      <div className="config-tabs" role="tablist">
        {TABS.map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={k === tab}
            onClick={() => {
              setTab(k);
              setEditing(undefined);
              setNotice(undefined);
            }}
          >
            {t(TAB_TEXT[k])}
          </button>
        ))}
      </div>
      {notice ? (
        <p
          ref={noticeRef}
          className={`config-notice ${notice.tone}`}
          role={notice.tone === 'error' ? 'alert' : 'status'}
        >
          {t(notice.text)}
        </p>
      ) : null}
      {tab === 'hall' ? <HallForm key={`hall:${formKey}`} {...formProps} /> : null}
      {tab === 'settings' ? <SettingsForm key={`settings:${formKey}`} {...formProps} /> : null}
      {tab !== 'hall' && tab !== 'settings' ? (
        <>
          <div className="config-toolbar">
            <button
              type="button"
              className="admin-btn primary"
              onClick={() => {
                setNotice(undefined);
                setEditing({ kind: tab, id: undefined });
              }}
            >
              + {t(T.add)} {t(TAB_TEXT[tab]).toLowerCase()}
            </button>
          </div>
          {editForm()}
          <ItemList
            tab={tab}
            config={config}
            onEdit={(id) => {
              setNotice(undefined);
              setEditing({ kind: tab, id });
            }}
            onRemove={(id, name) => void remove(tab, id, name)}
          />
        </>
      ) : null}
    </section>
  );
}

function ItemList(props: {
  tab: ListTab;
  config: PublicHallConfig;
  onEdit: (id: string) => void;
  onRemove: (id: string, name: string) => void;
}) {
  const { t } = useLanguage();
  const { config } = props;
  const agency = (id: string) => config.agencies.find((a) => a.id === id);
  const rows: Array<{ id: string; name: string; color?: string; cells: string[] }> = (() => {
    switch (props.tab) {
      case 'service':
        return config.services.map((s) => ({
          id: s.id,
          name: t(s.name),
          color: agency(s.agencyId)?.color,
          cells: [
            s.prefix,
            agency(s.agencyId)?.shortName ?? s.agencyId,
            `${s.targetMinutes} ${t(T.minutes)}`,
            s.dailyQuota === undefined ? '—' : String(s.dailyQuota),
          ],
        }));
      case 'counter':
        return config.counters.map((c) => ({
          id: c.id,
          name: `${t(T.counter)} ${c.name}`,
          color: agency(c.agencyId)?.color,
          cells: [
            agency(c.agencyId)?.shortName ?? c.agencyId,
            c.serviceIds.map((id) => config.services.find((s) => s.id === id)?.prefix ?? id).join(', '),
            c.zone ?? '—',
          ],
        }));
      case 'agency':
        return config.agencies.map((a) => ({
          id: a.id,
          name: a.shortName,
          color: a.color,
          cells: [a.name, a.code ?? '—', a.zone ?? '—'],
        }));
      case 'holiday':
        return [...config.holidays]
          .sort((a, b) => a.date.localeCompare(b.date))
          .map((h) => ({ id: h.date, name: h.date, cells: [t(h.name)] }));
      case 'kiosk':
        return config.kiosks.map((k) => ({
          id: k.id,
          name: k.name,
          cells: [k.id, k.printer ?? t(T.noPrinter), `${k.paperWidth} mm`],
        }));
      case 'display':
        return config.displays.map((d) => ({
          id: d.id,
          name: d.name,
          cells: [d.id, d.zone ?? t(T.wholeHall)],
        }));
      case 'package':
        return config.packages.map((p) => ({
          id: p.id,
          name: t(p.name),
          cells: [
            p.serviceIds.map((id) => config.services.find((s) => s.id === id)?.prefix ?? id).join(' → '),
          ],
        }));
    }
  })();
  return (
    <ul className="config-list" data-testid={`config-list-${props.tab}`}>
      {rows.map((r) => (
        <li key={r.id} style={r.color ? agencyStyle(r.color) : undefined}>
          <span className="config-swatch" aria-hidden="true" />
          <strong>{r.name}</strong>
          {r.cells.map((c, i) => (
            <span key={i}>{c}</span>
          ))}
          <span className="config-actions">
            <button type="button" className="admin-btn small" onClick={() => props.onEdit(r.id)}>
              {t(T.edit)}
            </button>
            <button
              type="button"
              className="admin-btn small danger"
              onClick={() => props.onRemove(r.id, r.name)}
              aria-label={`${t(T.remove)} ${r.name}`}
            >
              {t(T.remove)}
            </button>
          </span>
        </li>
      ))}
    </ul>
  );
}
