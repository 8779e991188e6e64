import { useCallback, useEffect, useState } from 'react';
import type { HubConnection } from '@antre/client';
import type { LocalizedText, SignedInStaff, StaffChangeInput, StaffRecord } from '@antre/shared';
import { ERROR_TEXT } from '@antre/shared';
import { useHub, useLanguage } from '@antre/ui';
import type { StaffDraft } from '../forms/staff-form.js';
import { Field } from '../forms/field.js';
import { StaffForm } from '../forms/staff-form.js';
import type { FieldErrors } from '../model/config-submit.js';
import { submitStaffChange } from '../model/staff-submit.js';
import { T, fill } from '../text/admin-text.js';
import './devices-screen.css';
import './staff-screen.css';

/**
 * The hall's staff accounts, active or not, from the hub (`staff:list`), read again whenever the config moves
 * on: add one, change its role or agency, make a new PIN (shown once), deactivate and reactivate.
 */
export function StaffScreen({ conn, me }: { conn: HubConnection; me: SignedInStaff }) {
  const hub = useHub(conn);
  const { t } = useLanguage();
  const [accounts, setAccounts] = useState<StaffRecord[]>([]);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<LocalizedText>();
  const [editing, setEditing] = useState<StaffRecord | 'new'>();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<{ name: string; pin: string }>();
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<LocalizedText>();
  const [passwordSaved, setPasswordSaved] = useState(false);

  const load = useCallback(async () => {
    const reply = await conn.request('staff:list', {});
    if (!reply.ok) return setError(ERROR_TEXT[reply.error.code]);
    setError(undefined);
    setAccounts(reply.accounts);
    setVersion(reply.version);
  }, [conn]);

  useEffect(() => {
    void load();
  }, [load, hub.status, conn.configVersion, conn.state?.seq]);

  const config = hub.config;
  if (!config) return null;
  const agency = (id: string | undefined) =>
    id === undefined ? t(T.wholeHall) : (config.agencies.find((a) => a.id === id)?.shortName ?? id);

  /** Sends one change; a new PIN is shown once, a refusal at its field or above the table. */
  const send = async (change: StaffChangeInput, name: string, inForm: boolean): Promise<boolean> => {
    setBusy(true);
    const outcome = await submitStaffChange(conn, change, version);
    setBusy(false);
    if (outcome.kind === 'saved') {
      setShown(outcome.pin === undefined ? undefined : { name, pin: outcome.pin });
      setError(undefined);
      await load();
      return true;
    }
    if (outcome.kind === 'conflict') {
      setError(outcome.text);
      await load();
    } else if (inForm) setErrors(outcome.errors);
    else setError(Object.values(outcome.errors)[0]);
    return false;
  };

  const saveForm = async (draft: StaffDraft) => {
    const item = editing === 'new' ? undefined : editing;
    const name = draft.name.trim();
    const change: StaffChangeInput = {
      type: item ? 'update' : 'create',
      username: draft.username.trim(),
      name,
      role: draft.role,
      ...(draft.agencyId === '' ? {} : { agencyId: draft.agencyId }),
    };
    setErrors({});
    if (await send(change, name, true)) setEditing(undefined);
  };

  const savePassword = async () => {
    setPasswordSaved(false);
    const outcome = await submitStaffChange(
      conn,
      { type: 'setPassword', username: me.username, password },
      version,
    );
    setPassword('');
    if (outcome.kind === 'saved') {
      setPasswordError(undefined);
      setPasswordSaved(true);
      await load();
    } else setPasswordError(outcome.kind === 'conflict' ? outcome.text : Object.values(outcome.errors)[0]);
  };

  const act = async (a: StaffRecord, type: 'deactivate' | 'reactivate' | 'resetPin' | 'clearPassword') => {
    if (type === 'deactivate' && !confirm(fill(t(T.confirmDeactivate), { name: a.name }))) return;
    if (type === 'resetPin' && !confirm(fill(t(T.confirmResetPin), { name: a.name }))) return;
    await send({ type, username: a.username }, a.name, false);
  };

  return (
    <section className="devices" aria-labelledby="staff-title">
      <h1 id="staff-title">{t(T.staffTitle)}</h1>
      <p className="admin-lead">{t(T.staffLead)}</p>
      {error ? (
        <p className="admin-error" role="alert">
          {t(error)}
        </p>
      ) : null}
      {shown ? (
        <div className="devices-code staff-pin" role="status" data-testid="new-pin">
          <div>
            <span>{fill(t(T.newPinFor), { name: shown.name })}</span>
            <strong>{shown.pin}</strong>
          </div>
          <p>{t(T.newPinOnce)}</p>
          <button type="button" className="admin-btn" onClick={() => setShown(undefined)}>
            {t(T.dismiss)}
          </button>
        </div>
      ) : null}
      {editing ? (
        <StaffForm
          key={editing === 'new' ? 'new' : editing.username}
          item={editing === 'new' ? undefined : editing}
          me={me}
          config={config}
          busy={busy}
          errors={errors}
          onSubmit={(draft) => void saveForm(draft)}
          onCancel={() => {
            setEditing(undefined);
            setErrors({});
          }}
        />
      ) : (
        <div>
          <button type="button" className="admin-btn primary" onClick={() => setEditing('new')}>
            {t(T.addStaff)}
          </button>
        </div>
      )}
      {me.role === 'supervisor' ? (
        <form
          className="staff-password"
          data-testid="my-password"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void savePassword();
          }}
        >
          <h2>{t(T.myPassword)}</h2>
          <p className="admin-lead">{t(T.myPasswordLead)}</p>
          <Field label={T.password} error={passwordError}>
            <input
              name="password"
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </Field>
          {passwordSaved ? <p role="status">{t(T.passwordSaved)}</p> : null}
          <button type="submit" className="admin-btn">
            {t(T.setPassword)}
          </button>
        </form>
      ) : null}
      <table className="devices-table staff-table" data-testid="staff-table">
        <thead>
          <tr>
            <th scope="col">{t(T.username)}</th>
            <th scope="col">{t(T.fullName)}</th>
            <th scope="col">{t(T.role)}</th>
            <th scope="col">{t(T.agency)}</th>
            <th scope="col">{t(T.state)}</th>
            <th scope="col" aria-label={t(T.action)} />
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.username} data-testid={`staff-${a.username}`}>
              <td>{a.username}</td>
              <td>{a.name}</td>
              <td>{t(a.role === 'supervisor' ? T.roleSupervisor : T.roleStaff)}</td>
              <td>{agency(a.agencyId)}</td>
              <td>
                <span className={`devices-state ${a.active ? 'online' : 'revoked'}`}>
                  {t(a.active ? T.active : T.inactive)}
                </span>
              </td>
              <td>
                <div className="staff-actions">
                  {a.active ? (
                    <>
                      <button type="button" className="admin-btn small" onClick={() => setEditing(a)}>
                        {t(T.edit)}
                      </button>
                      <button
                        type="button"
                        className="admin-btn small"
                        onClick={() => void act(a, 'resetPin')}
                      >
                        {t(T.resetPin)}
                      </button>
                      {a.hasPassword && me.agencyId === undefined ? (
                        <button
                          type="button"
                          className="admin-btn small"
                          onClick={() => void act(a, 'clearPassword')}
                        >
                          {t(T.clearPassword)}
                        </button>
                      ) : null}
                      {a.username === me.username ? null : (
                        <button
                          type="button"
                          className="admin-btn small danger"
                          onClick={() => void act(a, 'deactivate')}
                        >
                          {t(T.deactivate)}
                        </button>
                      )}
                    </>
                  ) : (
                    <button
                      type="button"
                      className="admin-btn small"
                      onClick={() => void act(a, 'reactivate')}
                    >
                      {t(T.reactivate)}
                    </button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
