import { useEffect, useState } from 'react';
import type { HubConnection } from '@antre/client';
import type { LocalizedText } from '@antre/shared';
import { ERROR_TEXT, authorizeAdmin } from '@antre/shared';
import { ConnectionBanner, LanguageToggle, useHub, useLanguage } from '@antre/ui';
import type { AdminSession, StaffSession } from './model/admin-session.js';
import type { AdminPage } from './model/admin-route.js';
import type { HubTime } from './model/hub-time.js';
import { ADMIN_PAGES, pageOfPath, pathOfPage } from './model/admin-route.js';
import { AuditScreen } from './screens/audit-screen.js';
import { BoardScreen } from './screens/board-screen.js';
import { ConfigScreen } from './screens/config-screen.js';
import { DevicesScreen } from './screens/devices-screen.js';
import { ReportsScreen } from './screens/reports-screen.js';
import { SignInScreen } from './screens/sign-in-screen.js';
import { StaffScreen } from './screens/staff-screen.js';
import { T } from './text/admin-text.js';

const NAV: Record<AdminPage, LocalizedText> = {
  board: T.navBoard,
  config: T.navConfig,
  staff: T.navStaff,
  devices: T.navDevices,
  audit: T.navAudit,
  reports: T.navReports,
};

/** Sign in as a supervisor, then the console's pages under one header. */
export function App({ conn, session, time }: { conn: HubConnection; session: AdminSession; time: HubTime }) {
  const hub = useHub(conn);
  const { t } = useLanguage();
  const [staffSession, setStaffSession] = useState<StaffSession | undefined>(session.current);
  const [notice, setNotice] = useState<LocalizedText | undefined>();
  const [page, setPage] = useState<AdminPage>(() => pageOfPath(location.pathname));

  useEffect(() => {
    const onPop = () => setPage(pageOfPath(location.pathname));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);

  // A session the hub no longer knows (expired, PIN reset): back to sign-in.
  useEffect(() => {
    if (conn.refusal?.code !== 'UNAUTHENTICATED' || !session.current) return;
    session.signedOut();
    setStaffSession(undefined);
    setNotice(T.sessionEnded);
    conn.reconnect();
  }, [conn, session, hub.version]);

  const signOut = () => {
    void conn.request('staff:signOut', {});
    session.signedOut();
    setStaffSession(undefined);
    conn.reconnect();
  };

  if (conn.refusal?.code === 'PROTOCOL_MISMATCH') {
    return <p className="admin-splash">{t(ERROR_TEXT.PROTOCOL_MISMATCH)}</p>;
  }
  if (!hub.config || !hub.state) {
    return (
      <p className="admin-splash" role="status">
        {t(T.connecting)}
      </p>
    );
  }
  if (!staffSession) {
    return (
      <SignInScreen
        conn={conn}
        hallName={hub.config.hall.name}
        notice={notice}
        onSignedIn={(signedIn) => {
          session.signedIn(signedIn);
          setStaffSession(signedIn);
          setNotice(undefined);
        }}
      />
    );
  }
  // Who may open the console is the policy's question; the hub asks it again for every request.
  const refusal = authorizeAdmin({ kind: 'staff', staff: staffSession.staff });
  if (refusal) {
    return (
      <main className="admin-splash" role="alert">
        <p>{t(T.notSupervisor)}</p>
        <button type="button" className="admin-btn" onClick={signOut}>
          {t(T.signOut)}
        </button>
      </main>
    );
  }

  const go = (next: AdminPage) => {
    history.pushState(null, '', pathOfPage(next));
    setPage(next);
  };
  const staff = staffSession.staff;
  const agencyName = staff.agencyId
    ? (hub.config.agencies.find((a) => a.id === staff.agencyId)?.shortName ?? staff.agencyId)
    : t(T.wholeHall);
  return (
    <div className="admin-shell">
      <ConnectionBanner status={hub.status} />
      <header className="admin-header">
        <div className="admin-brand">
          <span className="admin-mark" aria-hidden="true">
            A
          </span>
          <div>
            <strong>{hub.config.hall.name}</strong>
            <span>Antre · {t(T.appName)}</span>
          </div>
        </div>
        <nav className="admin-nav" aria-label={t(T.appName)}>
          {ADMIN_PAGES.map((p) => (
            <a
              key={p}
              href={pathOfPage(p)}
              aria-current={p === page ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                go(p);
              }}
            >
              {t(NAV[p])}
            </a>
          ))}
        </nav>
        <div className="admin-user">
          <span>
            {staff.name} · {agencyName}
          </span>
          <LanguageToggle />
          <button type="button" className="admin-btn ghost" onClick={signOut}>
            {t(T.signOut)}
          </button>
        </div>
      </header>
      <main className="admin-main">
        {page === 'board' ? <BoardScreen conn={conn} staff={staff} time={time} /> : null}
        {page === 'config' ? <ConfigScreen conn={conn} /> : null}
        {page === 'staff' ? <StaffScreen conn={conn} me={staff} /> : null}
        {page === 'devices' ? <DevicesScreen conn={conn} zone={hub.config.hall.timeZone} /> : null}
        {page === 'audit' ? <AuditScreen conn={conn} zone={hub.config.hall.timeZone} /> : null}
        {page === 'reports' ? <ReportsScreen conn={conn} session={staffSession} time={time} /> : null}
      </main>
    </div>
  );
}
