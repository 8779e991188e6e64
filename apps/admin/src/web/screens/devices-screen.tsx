import { useCallback, useEffect, useState } from 'react';
import type { HubConnection } from '@antre/client';
import type { DeviceInfo, HallTimeZone, LocalizedText, PublicShippingStatus } from '@antre/shared';
import { ERROR_TEXT, hallDateText, hallTimeText, shippingHealth } from '@antre/shared';
import { useHub, useLanguage } from '@antre/ui';
import { T, fill } from '../text/admin-text.js';
import './devices-screen.css';

/** The hall's kiosks and displays: who is connected, revoking one, and the pairing code with its rotation. */
export function DevicesScreen({ conn, zone }: { conn: HubConnection; zone: HallTimeZone }) {
  const hub = useHub(conn);
  const { t, lang } = useLanguage();
  const [devices, setDevices] = useState<DeviceInfo[]>([]);
  const [code, setCode] = useState<string>();
  const [error, setError] = useState<LocalizedText>();
  const [shipping, setShipping] = useState<PublicShippingStatus | null>();

  const load = useCallback(async () => {
    const reply = await conn.request('device:list', {});
    if (!reply.ok) {
      setError(reply.error.code === 'FORBIDDEN' ? T.devicesHallOnly : ERROR_TEXT[reply.error.code]);
      return;
    }
    setError(undefined);
    setDevices(reply.devices);
    setCode(reply.pairingCode);
    // The hub's own health answer, on the origin it serves the console from.
    const health = await fetch('/api/health').catch(() => undefined);
    if (health?.ok)
      setShipping(((await health.json()) as { shipping: PublicShippingStatus | null }).shipping);
  }, [conn]);

  // Read again when the log moves on (a device revoked elsewhere) and every 15 s (connections come and go).
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), 15_000);
    return () => clearInterval(timer);
  }, [load, hub.status, conn.state?.seq]);

  const stamp = (at: number) => `${hallDateText(at, zone, lang)} ${hallTimeText(at, zone)}`;
  const revoke = async (d: DeviceInfo) => {
    if (!confirm(fill(t(T.confirmRevoke), { name: d.name ?? d.deviceId }))) return;
    const reply = await conn.request('device:revoke', { kind: d.kind, deviceId: d.deviceId });
    if (!reply.ok) return setError(ERROR_TEXT[reply.error.code]);
    await load();
  };
  const rotate = async () => {
    const reply = await conn.request('device:rotatePairingCode', {});
    if (!reply.ok) return setError(ERROR_TEXT[reply.error.code]);
    setCode(reply.pairingCode);
  };

  return (
    <section className="devices" aria-labelledby="devices-title">
      <h1 id="devices-title">{t(T.devicesTitle)}</h1>
      {error ? (
        <p className="admin-error" role="alert">
          {t(error)}
        </p>
      ) : null}
      {code ? (
        <div className="devices-code">
          <div>
            <span>{t(T.pairingCode)}</span>
            <strong data-testid="pairing-code">{code}</strong>
          </div>
          <p className="admin-lead">{t(T.pairingHelp)}</p>
          <button type="button" className="admin-btn" onClick={() => void rotate()}>
            {t(T.rotate)}
          </button>
        </div>
      ) : null}
      {shipping !== undefined ? <ShippingPanel status={shipping} stamp={stamp} /> : null}
      {devices.length > 0 ? (
        <table className="devices-table" data-testid="devices-table">
          <thead>
            <tr>
              <th scope="col">{t(T.kind)}</th>
              <th scope="col">ID</th>
              <th scope="col">{t(T.nameId).replace(/ \(.*\)/, '')}</th>
              <th scope="col">{t(T.state)}</th>
              <th scope="col">{t(T.lastSeen)}</th>
              <th scope="col">{t(T.enrolled)}</th>
              <th scope="col" aria-label={t(T.action)} />
            </tr>
          </thead>
          <tbody>
            {devices.map((d) => {
              const state = d.revokedAt !== undefined ? 'revoked' : d.online ? 'online' : 'offline';
              return (
                <tr key={`${d.kind}:${d.deviceId}`} data-testid={`device-${d.kind}-${d.deviceId}`}>
                  <td>{t(d.kind === 'kiosk' ? T.kiosk : T.display)}</td>
                  <td>{d.deviceId}</td>
                  <td>{d.name ?? '—'}</td>
                  <td>
                    <span className={`devices-state ${state}`}>{t(T[state])}</span>
                  </td>
                  <td>{d.lastSeenAt === undefined ? t(T.notSeen) : stamp(d.lastSeenAt)}</td>
                  <td>{d.enrolledAt === undefined ? t(T.demoDevice) : stamp(d.enrolledAt)}</td>
                  <td>
                    {d.revokedAt === undefined ? (
                      <button type="button" className="admin-btn small danger" onClick={() => void revoke(d)}>
                        {t(T.revoke)}
                      </button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

const HEALTH_TEXT = {
  alone: T.shippingAlone,
  ok: T.shippingOk,
  behind: T.shippingBehind,
  failing: T.shippingFailing,
} as const;

/** How the log ships to the central service (`/api/health`'s `shipping`), as `shippingHealth` judges it. */
function ShippingPanel({
  status,
  stamp,
}: {
  status: PublicShippingStatus | null;
  stamp: (at: number) => string;
}) {
  const { t } = useLanguage();
  const health = shippingHealth(status);
  return (
    <section className={`devices-shipping ${health}`} data-testid="shipping" aria-labelledby="shipping-title">
      <h2 id="shipping-title">{t(T.shippingTitle)}</h2>
      {status === null ? (
        <p>{t(T.shippingAlone)}</p>
      ) : (
        <>
          <p>
            <strong>{t(HEALTH_TEXT[health])}</strong> ·{' '}
            {fill(t(T.shippingLag), {
              events: String(status.lagEvents),
              seconds: String(Math.round(status.lagMs / 1000)),
            })}
          </p>
          <p>
            {status.lastAckAt === null
              ? t(T.shippingNever)
              : fill(t(T.shippingLastAck), { time: stamp(status.lastAckAt) })}
          </p>
          {status.lastError === null ? null : <p>{fill(t(T.shippingError), { error: status.lastError })}</p>}
        </>
      )}
    </section>
  );
}
