import { useCallback, useEffect, useState } from 'react';
import type { HubConnection } from '@antre/client';
import type { AuditEntry, AuditKind, AuditQuery, HallTimeZone, LocalizedText } from '@antre/shared';
import { AUDIT_KINDS, ERROR_TEXT, auditCsv, hallDateText, hallTimeText } from '@antre/shared';
import { useHub, useLanguage } from '@antre/ui';
import { T } from '../text/admin-text.js';
import './audit-screen.css';

const PAGE = 100;

/** Who changed what and when, newest first, from the log itself; filterable, and downloadable as CSV. */
export function AuditScreen({ conn, zone }: { conn: HubConnection; zone: HallTimeZone }) {
  const hub = useHub(conn);
  const { t, lang } = useLanguage();
  const [kind, setKind] = useState<AuditKind | ''>('');
  const [by, setBy] = useState('');
  const [subject, setSubject] = useState('');
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<LocalizedText>();
  const [open, setOpen] = useState<number>();
  const configVersion = conn.configVersion;

  const query = useCallback(
    (beforeSeq?: number): AuditQuery => ({
      limit: PAGE,
      ...(kind === '' ? {} : { kind }),
      ...(by.trim() === '' ? {} : { by: by.trim() }),
      ...(subject.trim() === '' ? {} : { subject: subject.trim() }),
      ...(beforeSeq === undefined ? {} : { beforeSeq }),
    }),
    [kind, by, subject],
  );

  // Asked again when a filter changes and when the config moves on (a new change to list).
  useEffect(() => {
    let live = true;
    void conn.request('audit:query', query()).then((reply) => {
      if (!live) return;
      if (!reply.ok) return setError(ERROR_TEXT[reply.error.code]);
      setError(undefined);
      setEntries(reply.entries);
      setMore(reply.more);
    });
    return () => {
      live = false;
    };
  }, [conn, query, configVersion, hub.status]);

  const loadMore = async () => {
    const last = entries.at(-1);
    if (!last) return;
    const reply = await conn.request('audit:query', query(last.seq));
    if (!reply.ok) return setError(ERROR_TEXT[reply.error.code]);
    setEntries((e) => [...e, ...reply.entries]);
    setMore(reply.more);
  };

  const download = async () => {
    // The whole filtered trail, not only the page on screen.
    const reply = await conn.request('audit:query', { ...query(), limit: 5000 });
    if (!reply.ok) return setError(ERROR_TEXT[reply.error.code]);
    const url = URL.createObjectURL(new Blob([auditCsv(reply.entries, zone)], { type: 'text/csv' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'antre-audit.csv';
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <section className="audit" aria-labelledby="audit-title">
      <div className="audit-head">
        <h1 id="audit-title">{t(T.auditTitle)}</h1>
        <button type="button" className="admin-btn" onClick={() => void download()}>
          {t(T.exportCsv)}
        </button>
      </div>
      <div className="audit-filters">
        <label className="admin-field">
          <span>{t(T.what)}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as AuditKind | '')}>
            <option value="">{t(T.allKinds)}</option>
            {AUDIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <label className="admin-field">
          <span>{t(T.byFilter)}</span>
          <input value={by} onChange={(e) => setBy(e.target.value)} />
        </label>
        <label className="admin-field">
          <span>{t(T.subjectFilter)}</span>
          <input value={subject} onChange={(e) => setSubject(e.target.value)} />
        </label>
      </div>
      {error ? (
        <p className="admin-error" role="alert">
          {t(error)}
        </p>
      ) : null}
      {entries.length === 0 ? (
        <p className="admin-lead">{t(T.noEntries)}</p>
      ) : (
        <table className="audit-table" data-testid="audit-table">
          <thead>
            <tr>
              <th scope="col">{t(T.when)}</th>
              <th scope="col">{t(T.who)}</th>
              <th scope="col">{t(T.action)}</th>
              <th scope="col">{t(T.what)}</th>
              <th scope="col">{t(T.changedFields)}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <AuditRow
                key={e.seq}
                entry={e}
                when={`${hallDateText(e.at, zone, lang)} ${hallTimeText(e.at, zone)}`}
                open={open === e.seq}
                onToggle={() => setOpen(open === e.seq ? undefined : e.seq)}
              />
            ))}
          </tbody>
        </table>
      )}
      {more ? (
        <button type="button" className="admin-btn ghost" onClick={() => void loadMore()}>
          {t(T.more)}
        </button>
      ) : null}
    </section>
  );
}

function AuditRow(props: { entry: AuditEntry; when: string; open: boolean; onToggle: () => void }) {
  const { t } = useLanguage();
  const e = props.entry;
  return (
    <>
      <tr>
        <td>{props.when}</td>
        <td>{e.by}</td>
        <td>{e.action}</td>
        <td>
          <button type="button" className="audit-subject" aria-expanded={props.open} onClick={props.onToggle}>
            {e.subject}
          </button>
        </td>
        <td>{e.fields.join(', ')}</td>
      </tr>
      {props.open ? (
        <tr className="audit-detail">
          <td colSpan={5}>
            <div>
              <section>
                <h3>{t(T.before)}</h3>
                <pre>{JSON.stringify(e.before, null, 2)}</pre>
              </section>
              <section>
                <h3>{t(T.after)}</h3>
                <pre>{JSON.stringify(e.after, null, 2)}</pre>
              </section>
            </div>
          </td>
        </tr>
      ) : null}
    </>
  );
}
