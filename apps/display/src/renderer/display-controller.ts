// Wires one display together outside React: the hub connection, the calls it shows, and the announcements
// it speaks. React only renders what this holds.

import type { HubConnection } from '@antre/client';
import type { PublicHallConfig } from '@antre/shared';
import { formatTicketNumber, parseTicketNumber } from '@antre/shared';
import type { Announcement, AnnouncementOutcome, SoundSettings } from './announcement/announcement-queue.js';
import { AnnouncementQueue } from './announcement/announcement-queue.js';
import { AudioOutput } from './announcement/audio-output.js';
import { ClipBank } from './announcement/clip-bank.js';
import { renderAnnouncementWav } from './announcement/render-announcement.js';
import { SpeechSynthesisFallback } from './announcement/speech-synthesis-fallback.js';
import { WebAudioPlayer } from './announcement/web-audio-player.js';
import type { SpeechProgress } from './board/call-stage.js';
import type { DisplayOptions } from './board/display-options.js';
import type { DisplayScope } from './board/display-scope.js';
import { resolveScope } from './board/display-scope.js';
import type { CallRecord } from './feed/call-feed.js';
import { CallFeed, feedSourceOf } from './feed/call-feed.js';

const SOUND_KEY = 'antre.display.sound';
const LOG_KEPT = 100;

export interface AnnouncementLogEntry {
  displayNumber: string;
  counterName: string;
  recall: boolean;
  outcome: AnnouncementOutcome;
  /** Local times (ms) the announcement started and ended: two never overlap. */
  startedAt: number;
  endedAt: number;
}

type Listener = () => void;

export class DisplayController {
  readonly feed: CallFeed;
  readonly queue: AnnouncementQueue;
  readonly audio: AudioOutput;
  scope: DisplayScope | undefined;
  /** What was announced, newest last: shown nowhere, read by the sound check and the tests. */
  readonly log: AnnouncementLogEntry[] = [];
  version = 0;
  private bank = ClipBank.empty();
  private bankLoaded = false;
  private startedAt = 0;
  private readonly bankReady: Promise<void>;
  private config: PublicHallConfig | undefined;
  private readonly listeners = new Set<Listener>();

  constructor(
    readonly conn: HubConnection,
    readonly options: DisplayOptions,
    clipsBaseUrl: string,
  ) {
    this.audio = new AudioOutput();
    this.bankReady = ClipBank.load(this.audio.context, clipsBaseUrl).then((bank) => {
      this.bank = bank;
      this.bankLoaded = true;
    });
    this.queue = new AnnouncementQueue({
      player: new WebAudioPlayer(this.audio.context, () => this.bank, new SpeechSynthesisFallback()),
      now: () => Date.now(),
      settings: { chime: true, speech: true, ...loadSound(), ...options.sound },
      readLeadingZeros: () => this.config?.settings.readLeadingZeros ?? false,
      onStart: () => {
        this.startedAt = Date.now();
      },
      onOutcome: (a, outcome) => {
        const { counterName, recall } = a;
        this.log.push({
          displayNumber: shownNumber(a),
          counterName,
          recall,
          outcome,
          startedAt: this.startedAt,
          endedAt: Date.now(),
        });
        if (this.log.length > LOG_KEPT) this.log.shift();
      },
      onChange: () => this.changed(),
    });
    this.queue.pause();
    this.feed = new CallFeed({
      source: feedSourceOf(conn),
      now: () => Date.now(),
      speakWithinMs: options.speakWithinMs,
      onNewCall: (call, deadline) => this.onNewCall(call, deadline),
    });
    conn.subscribe(() => this.onHubChange());
    this.audio.subscribe(() => this.onAudioChange());
    // Clips first: a call spoken before they load would needlessly fall back to synthesis.
    void this.bankReady.then(() => this.onAudioChange());
    this.onHubChange();
  }

  /** What the speakers are saying and what waits its turn: the big call follows it. */
  get speech(): SpeechProgress {
    return {
      speaking: this.queue.current?.key,
      waiting: new Set(this.queue.pending.map((a) => a.key)),
      paused: this.queue.isPaused,
    };
  }

  get sound(): SoundSettings {
    return this.queue.getSettings();
  }

  /** Saved on this device, so a display keeps its choice across restarts. */
  setSound(settings: SoundSettings): void {
    this.queue.setSettings(settings);
    try {
      globalThis.localStorage?.setItem(SOUND_KEY, JSON.stringify(settings));
    } catch {
      // A private window or full storage: the setting holds for this session only.
    }
    this.changed();
  }

  /** From a click or key press (bound, so the sound prompt can listen with it). */
  readonly unlockAudio = (): void => {
    this.audio.unlock();
  };

  /**
   * The sound check: one announcement rendered to a WAV file, exactly as the speakers would play it. The
   * number is typed by a technician ("A-123"), so it is read as staff input is.
   */
  async renderAnnouncementWav(displayNumber: string, counterName: string): Promise<Uint8Array> {
    const ticket = parseTicketNumber(displayNumber);
    if (!ticket) throw new Error(`not a ticket number: ${JSON.stringify(displayNumber)}`);
    await this.bankReady;
    return renderAnnouncementWav(this.bank, {
      ticket,
      counterName,
      readLeadingZeros: this.config?.settings.readLeadingZeros ?? false,
      chime: true,
    });
  }

  /** Plays a sample call through the live queue (from the hidden controls), to check the speakers. */
  testAnnouncement(): void {
    this.queue.enqueue({
      key: `test-${Date.now()}`,
      ticket: { prefix: 'A', number: 1 },
      counterName: this.scope?.counters[0]?.name ?? '1',
      recall: false,
      deadline: Date.now() + 60_000,
    });
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private onNewCall(call: CallRecord, deadline: number): void {
    const counter = this.config?.counters.find((c) => c.id === call.counterId);
    if (!counter) return;
    this.queue.enqueue({
      key: call.key,
      ticket: { prefix: call.prefix, number: call.number },
      counterName: counter.name,
      recall: call.recall,
      deadline,
    });
  }

  private onHubChange(): void {
    const config = this.conn.config;
    if (!config || config === this.config) return;
    this.config = config;
    const scope = resolveScope(config, this.options.scope);
    this.scope = scope;
    this.feed.setScope((counterId) => scope.counterIds.has(counterId));
    this.changed();
  }

  private onAudioChange(): void {
    if (this.audio.running && this.bankLoaded) this.queue.resume();
    else this.queue.pause();
    this.changed();
  }

  private changed(): void {
    this.version += 1;
    for (const l of this.listeners) l();
  }
}

/** As the ticket shows it, for the log. */
export function shownNumber(a: Announcement): string {
  return formatTicketNumber(a.ticket.prefix, a.ticket.number);
}

function loadSound(): Partial<SoundSettings> {
  try {
    const saved: unknown = JSON.parse(globalThis.localStorage?.getItem(SOUND_KEY) ?? '{}');
    if (typeof saved !== 'object' || saved === null) return {};
    const { chime, speech } = saved as Record<string, unknown>;
    return {
      ...(typeof chime === 'boolean' ? { chime } : {}),
      ...(typeof speech === 'boolean' ? { speech } : {}),
    };
  } catch {
    return {};
  }
}
