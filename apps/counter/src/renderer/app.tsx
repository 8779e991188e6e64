import { useEffect, useMemo, useState } from 'react';
import type { HubConnection } from '@antre/client';
import type { LocalizedText, SignedInStaff } from '@antre/shared';
import { ERROR_TEXT } from '@antre/shared';
import { useHub, useLanguage } from '@antre/ui';
import { countersFor, indexHall } from './model/hall-index.js';
import type { DeskCommands } from './model/desk-commands.js';
import type { HubClock } from './model/hub-clock.js';
import type { SessionStore, StaffSession } from './model/session-store.js';
import { CounterPicker } from './screens/counter-picker.js';
import { DeskScreen } from './screens/desk-screen.js';
import { SignInScreen } from './screens/sign-in-screen.js';
import { SplashScreen } from './screens/splash-screen.js';
import { T } from './text/ui-text.js';

export interface AppProps {
  conn: HubConnection;
  session: SessionStore;
  clock: HubClock;
  commands: DeskCommands;
}

/** Sign in, choose a counter, work at it: the counter app's three steps. */
export function App({ conn, session, clock, commands }: AppProps) {
  const hub = useHub(conn);
  const { t } = useLanguage();
  const [staffSession, setStaffSession] = useState<StaffSession | undefined>(session.current);
  const [counterId, setCounterId] = useState<string | undefined>(session.rememberedCounterId);
  const [choosing, setChoosing] = useState(false);
  const [notice, setNotice] = useState<LocalizedText | undefined>();
  const index = useMemo(() => (hub.config ? indexHall(hub.config) : undefined), [hub.config]);

  // A refused reconnect while already offline changes no status, so the connection does not announce it:
  // listen for the refusal itself.
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    const onRefused = () => setRefusals((n) => n + 1);
    conn.socket.on('connect_error', onRefused);
    return () => {
      conn.socket.off('connect_error', onRefused);
    };
  }, [conn]);

  // A session the hub no longer knows (expired, revoked): back to sign-in, reconnecting as the public.
  // The ticket at the counter stays there, to be finished or put back after signing in again.
  useEffect(() => {
    if (conn.refusal?.code !== 'UNAUTHENTICATED' || !session.current) return;
    session.signedOut();
    setStaffSession(undefined);
    setNotice(T.sessionEnded);
    conn.reconnect();
  }, [conn, session, hub.version, refusals]);

  if (conn.refusal?.code === 'PROTOCOL_MISMATCH') {
    return <SplashScreen message={t(ERROR_TEXT.PROTOCOL_MISMATCH)} tone="error" />;
  }
  if (!index || !hub.state) return <SplashScreen message={t(T.connecting)} status={hub.status} />;

  if (!staffSession) {
    return (
      <SignInScreen
        conn={conn}
        index={index}
        clock={clock}
        notice={notice}
        onSignedIn={(signedIn) => {
          session.signedIn(signedIn);
          setStaffSession(signedIn);
          setNotice(undefined);
          commands.resendParked();
        }}
      />
    );
  }

  const staff: SignedInStaff = staffSession.staff;
  const allowed = countersFor(index, staff);
  const chosen = counterId !== undefined && allowed.some((c) => c.id === counterId) ? counterId : undefined;
  const signedOut = (note?: LocalizedText) => {
    session.signedOut();
    setStaffSession(undefined);
    setNotice(note);
  };

  if (chosen === undefined || choosing) {
    return (
      <CounterPicker
        hub={hub}
        index={index}
        staff={staff}
        counters={allowed}
        currentId={chosen}
        onChoose={(id) => {
          session.rememberCounter(id);
          setCounterId(id);
          setChoosing(false);
        }}
        onCancel={chosen === undefined ? undefined : () => setChoosing(false)}
        onSignOut={() => {
          void conn.request('staff:signOut', {});
          signedOut(T.signedOutNote);
        }}
      />
    );
  }

  return (
    <DeskScreen
      key={chosen}
      conn={conn}
      hub={hub}
      index={index}
      clock={clock}
      commands={commands}
      staff={staff}
      counterId={chosen}
      onChangeCounter={() => setChoosing(true)}
      onSignedOut={() => signedOut(T.signedOutNote)}
    />
  );
}
