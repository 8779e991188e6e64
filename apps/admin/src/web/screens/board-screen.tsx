import { useEffect, useMemo, useState } from 'react';
import type { HubConnection } from '@antre/client';
import type { CounterStatus, DeviceInfo, LocalizedText, SignedInStaff } from '@antre/shared';
import { agencyStyle, useHub, useLanguage } from '@antre/ui';
import { deviceAlerts, hallTimeText, supervisorBoard } from '@antre/shared';
import { wholeMinutes } from '../model/durations.js';
import type { HubTime } from '../model/hub-time.js';
import { useHubNow } from '../model/hub-time.js';
import { T, fill } from '../text/admin-text.js';
import './board-screen.css';

const STATUS_TEXT: Record<CounterStatus, LocalizedText> = {
  open: T.statusOpen,
  paused: T.statusPaused,
  closed: T.statusClosed,
};

/** The hall now, per agency: who waits how long against the target, each counter, and what needs a hand. */
export function BoardScreen({
  conn,
  staff,
  time,
}: {
  conn: HubConnection;
  staff: SignedInStaff;
  time: HubTime;
}) {
  const hub = useHub(conn);
  const { t } = useLanguage();
  const now = useHubNow(time, 15_000);
  const { config, state, version } = hub;
  const board = useMemo(
    () => (config && state ? supervisorBoard(state, config, now, staff.agencyId) : undefined),
    // `version` moves on every event: the mirror changes in place.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [config, state, now, staff.agencyId, version],
  );
  const devices = useDevices(conn, staff.agencyId === undefined, hub.status);
  const missing = useMemo(
    () => (config && devices ? deviceAlerts(devices, config, now) : undefined),
    [config, devices, now],
  );
  if (!board || !config) return null;
  const serviceName = (id: string) => config.services.find((s) => s.id === id)?.name ?? { id, en: id };
  const agency = (id: string) => config.agencies.find((a) => a.id === id);
  const min = t(T.minutes);

  return (
    <section className="board" aria-labelledby="board-title">
      <div className="board-head">
        <h1 id="board-title">{t(T.boardTitle)}</h1>
        <p className="board-counts">
          {(['open', 'paused', 'closed'] as const).map((s) => (
            <span key={s} className={`board-pill ${s}`}>
              {t(STATUS_TEXT[s])}: {board.counts[s]}
            </span>
          ))}
        </p>
      </div>

      <div className="board-alerts">
        <section
          className={`board-alert ${board.waitAlerts.length > 0 ? 'danger' : 'ok'}`}
          aria-live="polite"
        >
          <h2>{t(T.overTargetAlerts)}</h2>
          {board.waitAlerts.length === 0 ? (
            <p>{t(T.noAlerts)}</p>
          ) : (
            <ul>
              {board.waitAlerts.map((a) => (
                <li key={a.serviceId} data-testid={`wait-alert-${a.serviceId}`}>
                  <strong>{a.displayNumber}</strong> · {t(serviceName(a.serviceId))} ·{' '}
                  {wholeMinutes(a.waitedMs)} / {wholeMinutes(a.targetMs)} {min}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className={`board-alert ${board.printAlerts.length > 0 ? 'warn' : 'ok'}`}>
          <h2>{t(T.printFaults)}</h2>
          {board.printAlerts.length === 0 ? (
            <p>{t(T.noPrintFaults)}</p>
          ) : (
            <ul>
              {board.printAlerts.map((a) => (
                <li key={a.ticketId}>
                  <strong>{a.displayNumber}</strong> · {a.kioskId} · {a.reason}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      {missing ? (
        <section
          className={`board-alert ${missing.length > 0 ? 'warn' : 'ok'}`}
          aria-live="polite"
          data-testid="device-alerts"
        >
          <h2>{t(T.deviceAlertsTitle)}</h2>
          {missing.length === 0 ? (
            <p>{t(T.noDeviceAlerts)}</p>
          ) : (
            <ul>
              {missing.map((d) => (
                <li key={`${d.kind}:${d.deviceId}`} data-testid={`device-alert-${d.kind}-${d.deviceId}`}>
                  <strong>{d.name}</strong> · {t(d.kind === 'kiosk' ? T.kioskOffline : T.displayDisconnected)}{' '}
                  ·{' '}
                  {d.lastSeenAt === undefined
                    ? t(T.notSeen)
                    : fill(t(T.lastSeenText), { time: hallTimeText(d.lastSeenAt, config.hall.timeZone) })}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : (
        <p className="board-devices">{t(T.deviceAlertsHallOnly)}</p>
      )}

      <div className="board-agencies">
        {board.agencies.map((a) => {
          const info = agency(a.agencyId);
          return (
            <article
              key={a.agencyId}
              className={`board-agency${a.overTarget ? ' over' : ''}`}
              style={info ? agencyStyle(info.color) : undefined}
              data-testid={`board-agency-${a.agencyId}`}
            >
              <header>
                <h2>{info?.shortName ?? a.agencyId}</h2>
                <span className="board-figure">
                  {t(T.waiting)}: <strong>{a.waiting}</strong>
                </span>
              </header>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t(T.services)}</th>
                    <th scope="col">{t(T.waiting)}</th>
                    <th scope="col">
                      {t(T.longestWait)} / {t(T.target)}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {a.services.map((s) => (
                    <tr key={s.serviceId} className={s.overTarget ? 'over' : undefined}>
                      <td>{t(serviceName(s.serviceId))}</td>
                      <td>{s.waiting}</td>
                      <td>
                        {wholeMinutes(s.longestWaitMs)} / {wholeMinutes(s.targetMs)} {min}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <ul className="board-counters" aria-label={t(T.counters)}>
                {a.counters.map((c) => (
                  <li key={c.counterId} className={c.status} data-testid={`board-counter-${c.counterId}`}>
                    <strong>
                      {t(T.counter)} {c.name}
                    </strong>
                    <span>{t(STATUS_TEXT[c.status])}</span>
                    <span>{c.staff ?? '—'}</span>
                    {c.current ? <span className="board-current">{c.current}</span> : null}
                  </li>
                ))}
              </ul>
            </article>
          );
        })}
      </div>
    </section>
  );
}

/**
 * The hall's devices and their presence (`device:list`), read every 15 s and at every reconnect: presence is
 * the hub's, not the log's. Undefined for an agency's supervisor, whom the hub does not tell.
 */
function useDevices(conn: HubConnection, hallSupervisor: boolean, status: string): DeviceInfo[] | undefined {
  const [devices, setDevices] = useState<DeviceInfo[]>();
  useEffect(() => {
    if (!hallSupervisor) return;
    let live = true;
    const load = async () => {
      const reply = await conn.request('device:list', {});
      if (live && reply.ok) setDevices(reply.devices);
    };
    void load();
    const timer = setInterval(() => void load(), 15_000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [conn, hallSupervisor, status]);
  return devices;
}
