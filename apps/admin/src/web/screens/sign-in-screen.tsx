import { useState } from 'react';
import type { FormEvent } from 'react';
import type { HubConnection } from '@antre/client';
import type { LocalizedText } from '@antre/shared';
import { ERROR_TEXT } from '@antre/shared';
import { ConnectionBanner, LanguageToggle, useHub, useLanguage } from '@antre/ui';
import type { StaffSession } from '../model/admin-session.js';
import { T } from '../text/admin-text.js';
import './sign-in-screen.css';

export interface SignInScreenProps {
  conn: HubConnection;
  hallName: string;
  notice: LocalizedText | undefined;
  onSignedIn: (session: StaffSession) => void;
}

/** User name and PIN, as at the counter; the hub decides, and the console then asks the policy. */
export function SignInScreen({ conn, hallName, notice, onSignedIn }: SignInScreenProps) {
  const { t } = useLanguage();
  const hub = useHub(conn);
  const [username, setUsername] = useState('');
  const [pin, setPin] = useState('');
  // A supervisor who has set a password signs in with it: the hub says so at a PIN, and the form follows.
  const [withPassword, setWithPassword] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<LocalizedText | undefined>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || username.trim() === '' || pin === '') return;
    setBusy(true);
    setError(undefined);
    const user = username.trim().toLowerCase();
    const reply = withPassword
      ? await conn.request('staff:signInPassword', { username: user, password: pin })
      : await conn.request('staff:signIn', { username: user, pin });
    setBusy(false);
    if (!reply.ok) {
      const needsPassword = reply.error.details?.['passwordRequired'] === true;
      if (needsPassword) setWithPassword(true);
      setError(
        needsPassword
          ? T.passwordRequired
          : reply.error.code === 'RATE_LIMITED' && withPassword
            ? T.passwordLocked
            : reply.error.code === 'INVALID_CREDENTIALS' && withPassword
              ? T.wrongPassword
              : ERROR_TEXT[reply.error.code],
      );
      setPin('');
      return;
    }
    onSignedIn({ sessionToken: reply.sessionToken, staff: reply.staff });
  };

  return (
    <main className="admin-sign-in">
      <ConnectionBanner status={hub.status} />
      <form className="admin-sign-in-card" onSubmit={(e) => void submit(e)} aria-labelledby="sign-in-title">
        <div className="admin-sign-in-top">
          <span className="admin-mark" aria-hidden="true">
            A
          </span>
          <LanguageToggle />
        </div>
        <p className="admin-sign-in-hall">
          {hallName} · {t(T.appName)}
        </p>
        <h1 id="sign-in-title">{t(T.signInTitle)}</h1>
        <p className="admin-lead">{t(T.signInLead)}</p>
        {notice ? (
          <p className="admin-note" role="status">
            {t(notice)}
          </p>
        ) : null}
        <label className="admin-field">
          <span>{t(T.username)}</span>
          <input
            name="username"
            value={username}
            autoFocus
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={40}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label className="admin-field">
          <span>{t(withPassword ? T.password : T.pin)}</span>
          <input
            name={withPassword ? 'password' : 'pin'}
            type="password"
            inputMode={withPassword ? 'text' : 'numeric'}
            autoComplete="current-password"
            maxLength={withPassword ? 200 : 16}
            value={pin}
            onChange={(e) => setPin(e.target.value)}
          />
        </label>
        {error ? (
          <p className="admin-error" role="alert">
            {t(error)}
          </p>
        ) : null}
        <button type="submit" className="admin-btn primary" disabled={busy || hub.status !== 'online'}>
          {t(busy ? T.signingIn : T.signIn)}
        </button>
        <button
          type="button"
          className="admin-btn ghost"
          onClick={() => {
            setWithPassword((w) => !w);
            setPin('');
            setError(undefined);
          }}
        >
          {t(withPassword ? T.usePin : T.usePassword)}
        </button>
      </form>
    </main>
  );
}
