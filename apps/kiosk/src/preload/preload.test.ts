import { describe, expect, it } from 'vitest';
import { runPreload } from '@antre/electron-shell/testing';
import type { KioskBridge } from '../core/kiosk-bridge.js';
import { KIOSK_CHANNELS } from '../core/kiosk-bridge.js';
import type { KioskSnapshot } from '../core/kiosk-backend.js';

const PRELOAD = new URL('./preload.cts', import.meta.url);

function run() {
  const preload = runPreload(PRELOAD, { argv: ['--antre-version=0.3.1'] });
  return { ...preload, bridge: preload.exposed['antre'] as KioskBridge };
}

describe('the kiosk preload', () => {
  it("exposes the shell's part and the kiosk's calls as window.antre, and needs nothing but electron", () => {
    const { exposed, bridge, required } = run();
    expect(Object.keys(exposed)).toEqual(['antre']);
    expect(Object.keys(bridge).sort()).toEqual(
      [
        'kind',
        'version',
        'behaviour',
        'enrol',
        'issueTicket',
        'onSnapshot',
        'printOutcome',
        'reprint',
        'snapshot',
        'checkIn',
      ].sort(),
    );
    expect([bridge.kind, bridge.version]).toEqual(['kiosk', '0.3.1']);
    expect(required).toEqual(['electron']);
  });

  it('calls the main process on the channels it listens on', async () => {
    const { bridge, invoked } = run();
    await bridge.behaviour();
    await bridge.snapshot();
    await bridge.issueTicket({ serviceId: 'skck', priority: 'elderly', lang: 'en' });
    await bridge.printOutcome('t1');
    await bridge.reprint('t1', 'id');
    await bridge.enrol({ kioskId: 'kiosk-1', pairingCode: '123456', hubUrl: 'http://10.0.0.2:3000' });
    await bridge.checkIn({ code: 'AB-23456Z', lang: 'id' });
    expect(invoked).toEqual([
      [KIOSK_CHANNELS.behaviour],
      [KIOSK_CHANNELS.snapshot],
      [KIOSK_CHANNELS.issueTicket, { serviceId: 'skck', priority: 'elderly', lang: 'en' }],
      [KIOSK_CHANNELS.printOutcome, 't1'],
      [KIOSK_CHANNELS.reprint, 't1', 'id'],
      [KIOSK_CHANNELS.enrol, { kioskId: 'kiosk-1', pairingCode: '123456', hubUrl: 'http://10.0.0.2:3000' }],
      [KIOSK_CHANNELS.checkIn, { code: 'AB-23456Z', lang: 'id' }],
    ]);
  });

  it('delivers pushed snapshots until the listener is removed', () => {
    const { bridge, push } = run();
    const seen: KioskSnapshot[] = [];
    const stop = bridge.onSnapshot((s) => seen.push(s));
    const snapshot: KioskSnapshot = { connection: 'online', issuesOffline: true, unsynced: 0, at: 1 };
    push(KIOSK_CHANNELS.snapshotPushed, snapshot);
    stop();
    push(KIOSK_CHANNELS.snapshotPushed, { ...snapshot, at: 2 });
    expect(seen).toEqual([snapshot]);
  });
});
