import { Suspense, useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { PriorityGroup } from '@antre/shared';
import { ERROR_TEXT } from '@antre/shared';
import { useLanguage } from '@antre/ui';
import type { VisitChoice } from '../core/issue-command.js';
import type { KioskBackend } from '../core/kiosk-backend.js';
import './kiosk-app.css';
import { AccessControls } from './components/access-controls.js';
import { IdleWarning } from './components/idle-warning.js';
import { KioskHeader } from './components/kiosk-header.js';
import { StatusBanner } from './components/status-banner.js';
import { IDLE_WARNING_SECONDS, START, isAwayFromStart, kioskFlow, screenSeconds } from './flow/kiosk-flow.js';
import { AgencyScreen } from './screens/agency-screen.js';
import { CheckInEntryButton, CheckInScreen } from './screens/check-in-screen.js';
import { HomeScreen } from './screens/home-screen.js';
import { PriorityScreen, ServiceScreen, TicketScreen, preloadLaterScreens } from './screens/later-screens.js';
import { ConnectingScreen, IssuingScreen, RefusedScreen } from './screens/refused-screen.js';
import { SetupScreen } from './screens/setup-screen.js';
import { searchServices } from './search/service-search.js';
import { browserSpeech } from './speech/screen-speech.js';
import { VisitEntry, VisitLegsOnTicket, VisitScreen } from './screens/visit-screen.js';
import { TEXT } from './text/kiosk-text.js';
import { spokenGuidance } from './text/spoken-guidance.js';
import { useIdleCountdown, useKioskSnapshot, useNow } from './use-kiosk.js';

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

  const [largeText, setLargeText] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const speech = useMemo(() => browserSpeech(), []);

  const reset = useCallback(() => {
    dispatch({ type: 'reset' });
    setVisit((v) => v + 1);
    setLang('id');
    setLargeText(false);
    speech.stop();
  }, [setLang, speech]);

  // Large text zooms the whole page: the layouts follow the kiosk's size in CSS pixels (container queries),
  // as they do at a browser zoom of 200 %.
  useEffect(() => {
    document.documentElement.classList.toggle('kiosk-large-text', largeText);
  }, [largeText]);

  // A screen read aloud stops when the citizen moves on; the next screen starts at its top.
  const screenId =
    screen.name === 'agency'
      ? `agency:${screen.agencyId}`
      : screen.name === 'ticket'
        ? `ticket:${screen.ticket.id}`
        : 'serviceId' in screen
          ? `${screen.name}:${screen.serviceId}`
          : screen.name;
  useEffect(() => {
    speech.stop();
    mainRef.current?.scrollTo({ top: 0 });
  }, [screenId, visit, speech]);

  // Back to the start after a while untouched, in Indonesian again, for the next citizen; "Masih di sini?"
  // first. A ticket stays its own time once printed (45 s at least when it did not print).
  const countdownKey =
    screen.name === 'ticket'
      ? `${screen.ticket.id}:${String(typeof screen.print === 'object' ? 'fault' : screen.print)}`
      : `${screen.name}:${visit}`;
  const { secondsLeft, restart } = useIdleCountdown(
    screenSeconds(flow, backend.behaviour, isAwayFromStart(flow) || lang !== 'id' || largeText),
    countdownKey,
    reset,
  );

  // The screens after the first touch load once the first one has painted (`later-screens.ts`).
  useEffect(() => {
    const timer = setTimeout(preloadLaterScreens, 0);
    return () => clearTimeout(timer);
  }, []);

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

  const checkIn = useCallback(
    async (entry: { code: string } | { nik: string }) => {
      dispatch({ type: 'checkIn' });
      const result = await backend.checkIn({ ...entry, lang: langRef.current });
      if (!result.ok) {
        const text = result.text ?? ERROR_TEXT[result.error.code];
        const problem =
          result.walkInServiceId !== undefined ? { text, walkInServiceId: result.walkInServiceId } : { text };
        dispatch({ type: 'checkInRefused', problem });
        return;
      }
      dispatch({ type: 'issued', ticket: result.ticket });
      const outcome = await backend.printOutcome(result.ticket.id);
      dispatch({ type: 'printed', ticketId: result.ticket.id, outcome });
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
  const spoken = () =>
    spokenGuidance({
      screen,
      query: flow.query,
      results: searchServices(config, flow.query, lang).map((s) => s.id),
      config,
      availability,
      canIssue,
      lang,
    });

  let body;
  switch (screen.name) {
    case 'home':
      body = (
        <div className="home-stack">
          <div className="home-entries">
            {config.services.some((s) => s.booking) ? (
              <CheckInEntryButton onOpen={() => dispatch({ type: 'openCheckIn' })} />
            ) : null}
            <VisitEntry onOpen={() => dispatch({ type: 'openVisit' })} />
          </div>
          <HomeScreen
            config={config}
            availability={availability}
            unavailable={!canIssue}
            now={now}
            query={flow.query}
            onQuery={(query) => dispatch({ type: 'search', query })}
            onAgency={(agencyId) => dispatch({ type: 'openAgency', agencyId })}
            onService={(serviceId) => dispatch({ type: 'openService', serviceId })}
          />
        </div>
      );
      break;
    case 'visit':
      body = (
        <VisitScreen
          config={config}
          availability={availability}
          canIssue={canIssue}
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
        <TicketScreen
          config={config}
          ticket={screen.ticket}
          availability={availability?.services[screen.ticket.serviceId]}
          print={screen.print}
          secondsLeft={secondsLeft}
          onReprint={() => void reprint(screen.ticket.id)}
          onKeepShowing={restart}
          onDone={reset}
          legs={
            screen.ticket.legs ? <VisitLegsOnTicket config={config} legs={screen.ticket.legs} /> : undefined
          }
        />
      );
      break;
    case 'checkIn':
      body = (
        <CheckInScreen
          config={config}
          busy={screen.busy}
          problem={screen.problem}
          onBack={() => dispatch({ type: 'back' })}
          onCheckIn={(entry) => void checkIn(entry)}
          onWalkIn={(serviceId) => dispatch({ type: 'walkIn', serviceId })}
        />
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
      <main className="kiosk-main" key={visit} ref={mainRef}>
        <Suspense fallback={null}>{body}</Suspense>
      </main>
      <footer className="kiosk-footer">
        <AccessControls speech={speech} spoken={spoken} largeText={largeText} onLargeText={setLargeText} />
        <span className="kiosk-footer-note">{t(TEXT.priorityFooter)}</span>
        <span className={`kiosk-id ${snapshot.connection}`}>
          <span className="dot" aria-hidden="true" />
          {kiosk?.name ?? snapshot.kioskId}
        </span>
      </footer>
      {secondsLeft !== undefined && secondsLeft <= IDLE_WARNING_SECONDS ? (
        <IdleWarning
          secondsLeft={secondsLeft}
          onTicket={screen.name === 'ticket'}
          onCarryOn={restart}
          onStartOver={reset}
        />
      ) : null}
    </div>
  );
}
