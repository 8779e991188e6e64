import { useState } from 'react';
import type { FormEvent } from 'react';
import type { HubConnection } from '@antre/client';
import type { LocalizedText } from '@antre/shared';
import { hallDateText, hallTimeText } from '@antre/shared';
import { ConnectionBanner, LanguageToggle, useLanguage } from '@antre/ui';
import { useHub } from '@antre/ui';
import type { HallIndex } from '../model/hall-index.js';
import type { HubClock } from '../model/hub-clock.js';
import type { StaffSession } from '../model/session-store.js';
import { useHubNow } from '../hooks/use-now.js';
import { explainRefusal } from '../text/refusal-text.js';
import { T } from '../text/ui-text.js';
import '../shared/badges.css';
import '../shared/buttons.css';
import '../shared/notes.css';
import '../shared/text-field.css';
import './sign-in-screen.css';

export interface SignInScreenProps {
  conn: HubConnection;
  index: HallIndex;
  clock: HubClock;
  /** Why the staff member is here again: the session ended, or they signed out. */
  notice: LocalizedText | undefined;
  onSignedIn: (session: StaffSession) => void;
}

/** User name and PIN, with the hall, the date and the time beside them. */
export function SignInScreen({ conn, index, clock, notice, onSignedIn }: SignInScreenProps) {
  const { t, lang } = useLanguage();
  const hub = useHub(conn);
  const now = useHubNow(clock, 10_000);
  const [username, setUsername] = useState('');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<LocalizedText | undefined>();
  const zone = index.config.hall.timeZone;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || username.trim() === '' || pin === '') return;
    setBusy(true);
    setError(undefined);
    const reply = await conn.request('staff:signIn', { username: username.trim().toLowerCase(), pin });
    setBusy(false);
    if (!reply.ok) {
      setError(explainRefusal(reply.error, { state: undefined, index: undefined }));
      setPin('');
      return;
    }
    onSignedIn({ sessionToken: reply.sessionToken, staff: reply.staff });
  };

  return (
    <main className="sign-in">
      <ConnectionBanner status={hub.status} />
      <section className="sign-in-brand">
        <div className="brand-row">
          <div className="brand-mark" aria-hidden="true">
            A
          </div>
          <span>Antre · {t(T.appName)}</span>
        </div>
        <div>
          <h1>{index.config.hall.name}</h1>
          {index.config.hall.address ? <p className="brand-address">{index.config.hall.address}</p> : null}
        </div>
        <div className="brand-time">
          <strong>{hallTimeText(now, zone)}</strong>
          <span>{hallDateText(now, zone, lang)}</span>
        </div>
      </section>
      <section className="sign-in-form-side">
        <LanguageToggle className="sign-in-lang" />
        <form className="sign-in-card" onSubmit={(e) => void submit(e)} aria-labelledby="sign-in-title">
          <h2 id="sign-in-title">{t(T.signInTitle)}</h2>
          <p className="lead">{t(T.signInLead)}</p>
          {notice ? (
            <p className="notice" role="status">
              {t(notice)}
            </p>
          ) : null}
          <label>
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
          <label>
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
            <p className="form-error" role="alert">
              {t(error)}
            </p>
          ) : null}
          <button type="submit" className="btn primary wide" disabled={busy || hub.status !== 'online'}>
            {t(busy ? T.signingIn : T.signIn)}
          </button>
        </form>
      </section>
    </main>
  );
}
