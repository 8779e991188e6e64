import { join } from 'node:path';
import { HubConnection } from '@antre/client';
import type { SettingsStore } from '@antre/electron-shell';
import type { Reply } from '@antre/shared';
import { domainError } from '@antre/shared';
import type { AgentLog } from '../agent/agent-log.js';
import { consoleLog } from '../agent/agent-log.js';
import { KioskAgent } from '../agent/kiosk-agent.js';
import type {
  CheckInEntry,
  CheckInResult,
  EnrolRequest,
  IssueRequest,
  IssueResult,
  KioskBehaviour,
  KioskLanguage,
  KioskSnapshot,
  PrintOutcome,
} from '../core/kiosk-backend.js';
import type { KioskSettings } from './kiosk-settings.js';
import { kioskSettingsSchema, withEnvironment } from './kiosk-settings.js';

export interface KioskControllerOptions {
  settings: SettingsStore<KioskSettings>;
  env: Readonly<Record<string, string | undefined>>;
  /** Where the kiosk's SQLite store goes (Electron's userData). */
  dataDir: string;
  log?: AgentLog;
  /** For tests: how long enrolment waits for the hub. */
  enrolTimeoutMs?: number;
}

/**
 * What the Electron main process runs between the window and the agent: the agent for the kiosk the
 * settings name (none until it is set up), and enrolment, which saves the hub's token and restarts it.
 * Free of Electron itself, so that it is tested in Node against a real hub.
 */
export class KioskController {
  private agent: KioskAgent | undefined;
  private readonly listeners = new Set<() => void>();
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly options: KioskControllerOptions) {
    this.start();
  }

  /** The saved settings with the environment's overrides. */
  settings(): KioskSettings {
    return withEnvironment(this.options.settings.get(), this.options.env);
  }

  get currentAgent(): KioskAgent | undefined {
    return this.agent;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  behaviour(): KioskBehaviour {
    const { idleSeconds, ticketSeconds } = this.settings();
    return { idleSeconds, ticketSeconds };
  }

  /** Without an agent (not set up yet): offline, no kiosk id, so the screen asks staff to enrol it. */
  snapshot(): KioskSnapshot {
    return (
      this.agent?.snapshot() ?? { connection: 'offline', issuesOffline: true, unsynced: 0, at: Date.now() }
    );
  }

  issueTicket(request: IssueRequest): Promise<IssueResult> {
    if (!this.agent)
      return Promise.resolve({ ok: false, error: domainError('UNAUTHENTICATED', 'kiosk not set up') });
    return this.agent.issueTicket(request);
  }

  checkIn(entry: CheckInEntry): Promise<CheckInResult> {
    if (!this.agent)
      return Promise.resolve({ ok: false, error: domainError('UNAUTHENTICATED', 'kiosk not set up') });
    return this.agent.checkIn(entry);
  }

  printOutcome(ticketId: string): Promise<PrintOutcome> {
    return this.agent?.printOutcome(ticketId) ?? Promise.resolve(notSetUp());
  }

  reprint(ticketId: string, lang: KioskLanguage): Promise<PrintOutcome> {
    return this.agent?.reprint(ticketId, lang) ?? Promise.resolve(notSetUp());
  }

  /** Enrols with the hub's pairing code, keeps the token, and starts the agent as that kiosk. */
  async enrol(request: EnrolRequest): Promise<Reply<object>> {
    const hubUrl = (request.hubUrl ?? this.settings().hubUrl ?? '').trim().replace(/\/+$/, '');
    const valid = kioskSettingsSchema.safeParse({
      ...this.options.settings.get(),
      hubUrl,
      kioskId: request.kioskId,
    });
    if (!valid.success || hubUrl === '') {
      return {
        ok: false,
        error: domainError('VALIDATION_FAILED', 'a hub address (http://…) and a kiosk id are needed'),
      };
    }
    const conn = new HubConnection({ url: hubUrl });
    try {
      const online = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), this.options.enrolTimeoutMs ?? 8000);
        const check = () => {
          if (conn.status !== 'online') return;
          clearTimeout(timer);
          resolve(true);
        };
        conn.subscribe(check);
        check();
      });
      if (!online) return { ok: false, error: domainError('HUB_UNREACHABLE', `no hub answers at ${hubUrl}`) };
      const reply = await conn.request('device:enrol', {
        pairingCode: request.pairingCode,
        kind: 'kiosk',
        deviceId: request.kioskId,
      });
      if (!reply.ok) return reply;
      this.options.settings.update({ hubUrl, kioskId: request.kioskId, deviceToken: reply.deviceToken });
      (this.options.log ?? consoleLog).info('kiosk enrolled', { hubUrl, kioskId: request.kioskId });
    } finally {
      conn.close();
    }
    await this.restart();
    return { ok: true };
  }

  async restart(): Promise<void> {
    await this.stopAgent();
    this.start();
    this.notify();
  }

  async close(): Promise<void> {
    await this.stopAgent();
    this.listeners.clear();
  }

  private start(): void {
    const s = this.settings();
    if (s.hubUrl === null || s.kioskId === null) return;
    const { kioskId, deviceToken } = s;
    this.agent = new KioskAgent({
      hubUrl: s.hubUrl,
      kioskId,
      // One store per kiosk id: leased numbers belong to one kiosk.
      dbFile: join(this.options.dataDir, `kiosk-${kioskId}.sqlite`),
      // A kiosk on the hub's own machine in demo mode names itself; any other holds its enrolment token.
      credentials: () =>
        deviceToken !== null ? { deviceToken } : { demoDevice: { kind: 'kiosk', deviceId: kioskId } },
      ...(s.printerUrl !== null ? { printerUrl: s.printerUrl } : {}),
      ...(s.publicUrl !== null ? { publicUrl: s.publicUrl } : {}),
      ...(this.options.log ? { log: this.options.log } : {}),
    });
    this.unsubscribe = this.agent.subscribe(() => this.notify());
  }

  private async stopAgent(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    const agent = this.agent;
    this.agent = undefined;
    await agent?.close();
  }

  private notify(): void {
    for (const l of this.listeners) l();
  }
}

function notSetUp(): PrintOutcome {
  return { ok: false, reason: 'not-configured', message: 'kiosk not set up' };
}
