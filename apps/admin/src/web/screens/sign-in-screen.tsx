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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<LocalizedText | undefined>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || username.trim() === '' || pin === '') return;
    setBusy(true);
    setError(undefined);
    const reply = await conn.request('staff:signIn', { username: username.trim().toLowerCase(), pin });
    setBusy(false);
    if (!reply.ok) {
      setError(ERROR_TEXT[reply.error.code]);
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
          <span>{t(T.pin)}</span>
          <input
            name="pin"
            type="password"
            inputMode="numeric"
            autoComplete="current-password"
            maxLength={16}
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
      </form>
    </main>
  );
}
