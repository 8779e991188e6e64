import { useMemo } from 'react';
import type { AgencyConfig, CounterConfig, ServiceConfig } from '@antre/shared';
import { counterZone, estimateWaits } from '@antre/shared';
import { useHub, useLanguage } from '@antre/ui';
import { callStage } from './board/call-stage.js';
import { counterBoard } from './board/counter-board.js';
import { agencyEstimate, waitingByAgency } from './board/waiting-counts.js';
import './app.css';
import { CounterGrid } from './components/counter-grid.js';
import { DisplayControls } from './components/display-controls.js';
import { HallHeader } from './components/hall-header.js';
import { IkmPanel, useIkmSummary } from './components/ikm-panel.js';
import { NowCalling } from './components/now-calling.js';
import { PreviousCalls } from './components/previous-calls.js';
import { RunningText } from './components/running-text.js';
import { SoundPrompt } from './components/sound-prompt.js';
import { WaitingList } from './components/waiting-list.js';
import type { DisplayController } from './display-controller.js';
import { TEXT } from './display-text.js';
import { useDisplay, useNow, useRecentActivity } from './use-display.js';

/** How long a new call stays in the attention colour (and always while it is being announced). */
const FRESH_MS = 10_000;
const PREVIOUS_SHOWN = 5;
const MINUTE = 60_000;

export function DisplayApp(props: {
  controller: DisplayController;
  kiosk: boolean;
  /** The hub's address for its HTTP API; '' when the hub serves this page. */
  hubUrl?: string;
  /** Whether this screen shows this month's satisfaction index (`?ikm=1`). */
  ikm?: boolean;
}) {
  const { controller } = props;
  const ikm = useIkmSummary(props.hubUrl ?? '', props.ikm ?? false);
  const hub = useHub(controller.conn);
  const { version, feedVersion } = useDisplay(controller);
  const { t } = useLanguage();
  const now = useNow(1000);
  const active = useRecentActivity(5000);
  const { config, state } = hub;
  const scope = controller.scope;

  const lookups = useMemo(() => {
    return {
      counters: new Map<string, CounterConfig>((config?.counters ?? []).map((c) => [c.id, c])),
      agencies: new Map<string, AgencyConfig>((config?.agencies ?? []).map((a) => [a.id, a])),
      services: new Map<string, ServiceConfig>((config?.services ?? []).map((s) => [s.id, s])),
    };
  }, [config]);
  const zones = useMemo(() => {
    const byCounter = new Map<string, string | undefined>(
      (scope?.counters ?? []).map((c) => [c.id, counterZone(c, config?.agencies ?? [])]),
    );
    const byAgency = new Map<string, Set<string>>();
    for (const c of scope?.counters ?? []) {
      const zone = byCounter.get(c.id);
      if (zone !== undefined) byAgency.set(c.agencyId, (byAgency.get(c.agencyId) ?? new Set()).add(zone));
    }
    return { byCounter, byAgency, several: new Set(byCounter.values()).size > 1 };
  }, [scope, config]);
  // The mirror is mutated in place: derived lists are keyed on the hub's version, not the state object.
  const rows = useMemo(
    () => (state && scope ? counterBoard(state, scope.counters, config?.agencies ?? []) : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the mirror mutates in place: its version keys the result
    [hub.version, scope, config],
  );
  // Estimates move with the queue and the clock; a minute's step is as fine as "± N mnt" can tell.
  const minute = Math.floor(now / MINUTE) * MINUTE;
  const waiting = useMemo(() => {
    if (!state || !scope || !config) return [];
    const waits = estimateWaits(state, config, minute);
    return waitingByAgency(state, scope.agencies, config.services).map((entry) => ({
      ...entry,
      estimate: agencyEstimate(entry, waits),
    }));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the mirror mutates in place: its version keys the result
  }, [hub.version, scope, config, minute]);
  const speech = controller.speech;
  const speechKey = `${speech.paused}|${speech.speaking ?? ''}|${[...speech.waiting].join(',')}`;
  const stage = useMemo(
    () => callStage(controller.feed.calls, speech, PREVIOUS_SHOWN),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the mirror mutates in place: its version keys the result
    [feedVersion, speechKey],
  );

  if (!config || !state || !scope) {
    return (
      <main className="display-root connecting">
        <div className="connecting-message">{t(TEXT.connecting)}</div>
      </main>
    );
  }

  const calls = controller.feed.calls;
  const hero = stage.hero;
  const isFresh = (arrivedAt: number | undefined) => arrivedAt !== undefined && now - arrivedAt < FRESH_MS;
  const freshCounterIds = new Set(calls.filter((c) => isFresh(c.arrivedAt)).map((c) => c.counterId));
  if (hero && stage.heroSpoken) freshCounterIds.add(hero.counterId);
  const heroCounter = hero ? lookups.counters.get(hero.counterId) : undefined;
  const hideCursor = props.kiosk || !active;
  const waitingList = (
    <WaitingList
      waiting={waiting}
      zoneOf={(agencyId) =>
        zones.several ? [...(zones.byAgency.get(agencyId) ?? [])].join(' · ') || undefined : undefined
      }
    />
  );

  return (
    <main className={`display-root${hideCursor ? ' hide-cursor' : ''}`} data-version={version}>
      <HallHeader
        config={config}
        scopeLabel={scope.label}
        now={now}
        status={hub.status}
        notice={
          // Electron plays sound from the start: its display never asks.
          controller.audio.locked && !props.kiosk ? <SoundPrompt onEnable={controller.unlockAudio} /> : null
        }
      />
      {scope.unknown.length > 0 || scope.counters.length === 0 ? (
        <div className="scope-problem" role="alert">
          {scope.unknown.length > 0
            ? `${t(TEXT.unknownScope)} ${scope.unknown.join(', ')}`
            : t(TEXT.emptyScope)}
        </div>
      ) : null}
      <div className="display-body">
        <div className="calls-column">
          <NowCalling
            call={hero}
            counter={heroCounter}
            agency={heroCounter ? lookups.agencies.get(heroCounter.agencyId) : undefined}
            service={hero ? lookups.services.get(hero.serviceId) : undefined}
            zone={heroCounter ? counterZone(heroCounter, config.agencies) : undefined}
            fresh={stage.heroSpoken || isFresh(hero?.arrivedAt)}
          />
          <PreviousCalls
            calls={stage.previous}
            counters={lookups.counters}
            agencies={lookups.agencies}
            zoneOf={(counterId) => (zones.several ? zones.byCounter.get(counterId) : undefined)}
          />
        </div>
        <CounterGrid rows={rows} freshCounterIds={freshCounterIds} />
        {ikm ? (
          <div className="waiting-column">
            {waitingList}
            <IkmPanel summary={ikm} />
          </div>
        ) : (
          waitingList
        )}
      </div>
      {config.hall.runningText ? <RunningText text={t(config.hall.runningText)} /> : null}
      <DisplayControls
        visible={active && !controller.audio.locked}
        sound={controller.sound}
        onSound={(sound) => controller.setSound(sound)}
        onTest={() => controller.testAnnouncement()}
      />
    </main>
  );
}
