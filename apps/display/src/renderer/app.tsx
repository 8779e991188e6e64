import { useMemo } from 'react';
import type { AgencyConfig, CounterConfig, ServiceConfig } from '@antre/shared';
import { useHub, useLanguage } from '@antre/ui';
import { counterBoard } from './board/counter-board.js';
import { previousCalls } from './board/recent-calls.js';
import { waitingByAgency } from './board/waiting-counts.js';
import './app.css';
import { CounterGrid } from './components/counter-grid.js';
import { DisplayControls } from './components/display-controls.js';
import { HallHeader } from './components/hall-header.js';
import { NowCalling } from './components/now-calling.js';
import { PreviousCalls } from './components/previous-calls.js';
import { RunningText } from './components/running-text.js';
import { SoundOverlay } from './components/sound-overlay.js';
import { WaitingList } from './components/waiting-list.js';
import type { DisplayController } from './display-controller.js';
import { TEXT } from './display-text.js';
import { useDisplay, useNow, useRecentActivity } from './use-display.js';

/** How long a new call stays in the attention colour. */
const FRESH_MS = 10_000;
const PREVIOUS_SHOWN = 5;

export function DisplayApp(props: { controller: DisplayController; kiosk: boolean }) {
  const { controller } = props;
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
  // The mirror is mutated in place: derived lists are keyed on the hub's version, not the state object.
  const rows = useMemo(
    () => (state && scope ? counterBoard(state, scope.counters, config?.agencies ?? []) : []),
    [hub.version, scope, config],
  );
  const waiting = useMemo(
    () => (state && scope && config ? waitingByAgency(state, scope.agencies, config.services) : []),
    [hub.version, scope, config],
  );
  const calls = controller.feed.calls;
  const previous = useMemo(() => previousCalls(calls, PREVIOUS_SHOWN), [feedVersion]);

  if (!config || !state || !scope) {
    return (
      <main className="display-root connecting">
        <div className="connecting-message">{t(TEXT.connecting)}</div>
      </main>
    );
  }

  const newest = calls[0];
  const isFresh = (arrivedAt: number | undefined) => arrivedAt !== undefined && now - arrivedAt < FRESH_MS;
  const freshCounterIds = new Set(calls.filter((c) => isFresh(c.arrivedAt)).map((c) => c.counterId));
  const newestCounter = newest ? lookups.counters.get(newest.counterId) : undefined;
  const hideCursor = props.kiosk || !active;

  return (
    <main className={`display-root${hideCursor ? ' hide-cursor' : ''}`} data-version={version}>
      <HallHeader config={config} scopeLabel={scope.label} now={now} status={hub.status} />
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
            call={newest}
            counter={newestCounter}
            agency={newestCounter ? lookups.agencies.get(newestCounter.agencyId) : undefined}
            service={newest ? lookups.services.get(newest.serviceId) : undefined}
            fresh={isFresh(newest?.arrivedAt)}
          />
          <PreviousCalls calls={previous} counters={lookups.counters} agencies={lookups.agencies} />
        </div>
        <CounterGrid rows={rows} freshCounterIds={freshCounterIds} />
        <WaitingList waiting={waiting} />
      </div>
      {config.hall.runningText ? <RunningText text={t(config.hall.runningText)} /> : null}
      {controller.audio.locked && !props.kiosk ? (
        <SoundOverlay onEnable={() => controller.unlockAudio()} />
      ) : null}
      <DisplayControls
        visible={active && !controller.audio.locked}
        sound={controller.sound}
        onSound={(sound) => controller.setSound(sound)}
        onTest={() => controller.testAnnouncement()}
      />
    </main>
  );
}
