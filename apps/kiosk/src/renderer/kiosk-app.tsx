import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { PriorityGroup } from '@antre/shared';
import { useLanguage } from '@antre/ui';
import type { VisitChoice } from '../core/issue-command.js';
import type { KioskBackend } from '../core/kiosk-backend.js';
import './kiosk-app.css';
import { KioskHeader } from './components/kiosk-header.js';
import { StatusBanner } from './components/status-banner.js';
import { START, isAwayFromStart, kioskFlow } from './flow/kiosk-flow.js';
import { AgencyScreen } from './screens/agency-screen.js';
import { HomeScreen } from './screens/home-screen.js';
import { PriorityScreen } from './screens/priority-screen.js';
import { ConnectingScreen, IssuingScreen, RefusedScreen } from './screens/refused-screen.js';
import { ServiceScreen } from './screens/service-screen.js';
import { SetupScreen } from './screens/setup-screen.js';
import { TicketScreen } from './screens/ticket-screen.js';
import { VisitEntry, VisitLegsOnTicket, VisitScreen } from './screens/visit-screen.js';
import { TEXT } from './text/kiosk-text.js';
import { useCountdown, useIdle, useKioskSnapshot, useNow } from './use-kiosk.js';

/** The kiosk: the citizen's way from the agencies to a printed ticket, in the browser or in Electron. */
export function KioskApp(props: { backend: KioskBackend; askHubUrl: boolean }) {
  const { backend } = props;
  const snapshot = useKioskSnapshot(backend);
  const { t, lang, setLang } = useLanguage();
  const now = useNow(1000);
  const [flow, dispatch] = useReducer(kioskFlow, START);
  // Bumped at each return to the start, so that no screen keeps state (an open keyboard) for the next citizen.
  const [visit, setVisit] = useState(0);
  const { screen } = flow;
  const langRef = useRef(lang);
  langRef.current = lang;

  const reset = useCallback(() => {
    dispatch({ type: 'reset' });
    setVisit((v) => v + 1);
    setLang('id');
  }, [setLang]);

  // Back to the start after a while without a touch, in Indonesian again, for the next citizen.
  useIdle(
    backend.behaviour.idleSeconds * 1000,
    screen.name !== 'ticket' && (isAwayFromStart(flow) || lang !== 'id'),
    reset,
  );

  const ticketKey =
    screen.name === 'ticket'
      ? `${screen.ticket.id}:${String(typeof screen.print === 'object' ? 'fault' : screen.print)}`
      : '';
  const printing = screen.name === 'ticket' && screen.print === 'printing';
  const faulted = screen.name === 'ticket' && typeof screen.print === 'object';
  // A citizen who must note a number by hand gets longer.
  const secondsLeft = useCountdown(
    faulted ? Math.max(45, backend.behaviour.ticketSeconds) : backend.behaviour.ticketSeconds,
    screen.name === 'ticket' && !printing,
    ticketKey,
    reset,
  );

  // Prevent the long-press menu and text selection a touch screen would otherwise offer.
  useEffect(() => {
    const block = (e: Event) => e.preventDefault();
    window.addEventListener('contextmenu', block);
    window.addEventListener('selectstart', block);
    return () => {
      window.removeEventListener('contextmenu', block);
      window.removeEventListener('selectstart', block);
    };
  }, []);

  const issue = useCallback(
    async (serviceId: string, priority: PriorityGroup, visit?: VisitChoice) => {
      dispatch(visit ? { type: 'issueVisit', serviceId } : { type: 'issue', priority });
      const request = { serviceId, priority, lang: langRef.current };
      const result = await backend.issueTicket(visit ? { ...request, visit } : request);
      if (!result.ok) {
        dispatch({ type: 'refused', error: result.error });
        return;
      }
      dispatch({ type: 'issued', ticket: result.ticket });
      const outcome = await backend.printOutcome(result.ticket.id);
      dispatch({ type: 'printed', ticketId: result.ticket.id, outcome });
    },
    [backend],
  );

  const reprint = useCallback(
    async (ticketId: string) => {
      dispatch({ type: 'reprint', ticketId });
      dispatch({ type: 'printed', ticketId, outcome: await backend.reprint(ticketId, langRef.current) });
    },
    [backend],
  );

  const config = snapshot.config;
  // The hub does not know this kiosk (or no longer knows its token), or an Electron kiosk was never set up.
  const notEnrolled =
    snapshot.kioskId === undefined &&
    (snapshot.connection === 'online' ||
      snapshot.refusal?.code === 'UNAUTHENTICATED' ||
      (props.askHubUrl && !config));
  if (notEnrolled) {
    return (
      <div className="kiosk">
        <SetupScreen config={config} askHubUrl={props.askHubUrl} onEnrol={(r) => backend.enrol(r)} />
      </div>
    );
  }
  if (!config) {
    return (
      <div className="kiosk">
        <ConnectingScreen refusal={snapshot.refusal} />
      </div>
    );
  }

  const canIssue = snapshot.connection === 'online' || snapshot.issuesOffline;
  const availability = snapshot.availability;
  const kiosk = config.kiosks.find((k) => k.id === snapshot.kioskId);

  let body;
  switch (screen.name) {
    case 'home':
      body = (
        <>
          <VisitEntry onOpen={() => dispatch({ type: 'openVisit' })} />
          <HomeScreen
            config={config}
            availability={availability}
            now={now}
            query={flow.query}
            onQuery={(query) => dispatch({ type: 'search', query })}
            onAgency={(agencyId) => dispatch({ type: 'openAgency', agencyId })}
            onService={(serviceId) => dispatch({ type: 'openService', serviceId })}
          />
        </>
      );
      break;
    case 'visit':
      body = (
        <VisitScreen
          config={config}
          availability={availability}
          canIssue={snapshot.connection === 'online'}
          onBack={() => dispatch({ type: 'back' })}
          onTake={(choice) => void issue(choice.serviceIds[0] ?? '', 'none', choice)}
        />
      );
      break;
    case 'agency':
      body = (
        <AgencyScreen
          config={config}
          agencyId={screen.agencyId}
          availability={availability}
          now={now}
          onBack={() => dispatch({ type: 'back' })}
          onService={(serviceId) => {
            if (!availability?.services[serviceId]?.refusal) dispatch({ type: 'openService', serviceId });
          }}
        />
      );
      break;
    case 'service':
      body = (
        <ServiceScreen
          config={config}
          serviceId={screen.serviceId}
          availability={availability?.services[screen.serviceId]}
          now={now}
          canIssue={canIssue}
          onBack={() => dispatch({ type: 'back' })}
          onTake={() => void issue(screen.serviceId, 'none')}
          onPriority={() => dispatch({ type: 'askPriority' })}
        />
      );
      break;
    case 'priority':
      body = (
        <PriorityScreen
          config={config}
          serviceId={screen.serviceId}
          onBack={() => dispatch({ type: 'back' })}
          onChoose={(priority) => void issue(screen.serviceId, priority)}
        />
      );
      break;
    case 'issuing':
      body = <IssuingScreen offline={snapshot.connection !== 'online'} />;
      break;
    case 'ticket':
      body = (
        <>
          <TicketScreen
            config={config}
            ticket={screen.ticket}
            print={screen.print}
            secondsLeft={secondsLeft}
            onReprint={() => void reprint(screen.ticket.id)}
            onDone={reset}
          />
          {screen.ticket.legs ? <VisitLegsOnTicket config={config} legs={screen.ticket.legs} /> : null}
        </>
      );
      break;
    case 'refused':
      body = <RefusedScreen error={screen.error} onBack={() => dispatch({ type: 'back' })} onHome={reset} />;
      break;
  }

  return (
    <div className="kiosk" data-screen={screen.name} data-connection={snapshot.connection}>
      <KioskHeader config={config} now={now} onHome={reset} />
      <StatusBanner snapshot={snapshot} />
      <main className="kiosk-main" key={visit}>
        {body}
      </main>
      <footer className="kiosk-footer">
        <span>{t(TEXT.priorityFooter)}</span>
        <span className={`kiosk-id ${snapshot.connection}`}>
          <span className="dot" aria-hidden="true" />
          {kiosk?.name ?? snapshot.kioskId}
        </span>
      </footer>
    </div>
  );
}
