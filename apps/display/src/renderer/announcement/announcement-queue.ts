// Announcements one after another: never two at once, never one cut off, in the order the calls came.

import type { TicketNumber } from '@antre/shared';
import { announcementWords } from '@antre/shared';

export interface Announcement {
  /** One per call; a recall is a new call with its own key. The same key twice is announced once. */
  key: string;
  /** The ticket's number as the domain holds it: its prefix and number, spoken from those parts. */
  ticket: TicketNumber;
  counterName: string;
  recall: boolean;
  /** Local time (ms) after which the call is too old to speak: it is then dropped, though still shown. */
  deadline: number;
}

/** What makes the sound. Each promise settles when that sound has finished playing. */
export interface AnnouncementPlayer {
  chime(): Promise<void>;
  /** False when the words could not be spoken at all (no clip set and no Indonesian voice). */
  speak(words: readonly string[]): Promise<boolean>;
}

export interface SoundSettings {
  chime: boolean;
  speech: boolean;
}

export type AnnouncementOutcome = 'announced' | 'dropped' | 'muted' | 'failed';

export interface AnnouncementQueueOptions {
  player: AnnouncementPlayer;
  now: () => number;
  settings: SoundSettings;
  readLeadingZeros: () => boolean;
  /** Silence between two announcements, so a burst is heard as separate calls. */
  gapMs?: number;
  wait?: (ms: number) => Promise<void>;
  onStart?: (announcement: Announcement) => void;
  onOutcome?: (announcement: Announcement, outcome: AnnouncementOutcome) => void;
  /** The one being announced or those waiting changed: a screen that follows the speech redraws. */
  onChange?: () => void;
}

/** Keys remembered to ignore repeats: a day's calls at one display stay well under this. */
const REMEMBERED_KEYS = 5000;

export class AnnouncementQueue {
  private readonly queue: Announcement[] = [];
  private readonly seen = new Set<string>();
  private settings: SoundSettings;
  private paused = false;
  private active: Announcement | undefined;
  private running: Promise<void> | undefined;
  private readonly wait: (ms: number) => Promise<void>;

  constructor(private readonly options: AnnouncementQueueOptions) {
    this.settings = { ...options.settings };
    this.wait = options.wait ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Queues a call; false when the same call was already queued or announced. */
  enqueue(announcement: Announcement): boolean {
    if (this.seen.has(announcement.key)) return false;
    this.seen.add(announcement.key);
    if (this.seen.size > REMEMBERED_KEYS) {
      const oldest = this.seen.values().next();
      if (oldest.done !== true) this.seen.delete(oldest.value);
    }
    this.queue.push(announcement);
    this.pump();
    this.options.onChange?.();
    return true;
  }

  /** Takes effect from the next announcement: the one playing is never cut off. */
  setSettings(settings: SoundSettings): void {
    this.settings = { ...settings };
  }

  getSettings(): SoundSettings {
    return { ...this.settings };
  }

  /** Holds announcements back (audio not yet allowed by the browser); their deadlines keep running. */
  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.pump();
  }

  /** True while held back (no sound allowed yet): nothing is being announced then, whatever waits. */
  get isPaused(): boolean {
    return this.paused;
  }

  get pending(): readonly Announcement[] {
    return this.queue;
  }

  get current(): Announcement | undefined {
    return this.active;
  }

  /** Resolves once everything queued has been announced or dropped (or the queue is paused). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private pump(): void {
    if (this.running || this.paused) return;
    this.running = this.drain().finally(() => {
      this.running = undefined;
      // Something may have been queued between the loop's last check and this point.
      if (this.queue.length > 0 && !this.paused) this.pump();
    });
  }

  private async drain(): Promise<void> {
    while (!this.paused) {
      const next = this.queue.shift();
      if (!next) return;
      this.active = next;
      this.options.onStart?.(next);
      this.options.onChange?.();
      try {
        const outcome = await this.announce(next);
        this.options.onOutcome?.(next, outcome);
        if (outcome === 'announced' || outcome === 'failed') await this.wait(this.options.gapMs ?? 700);
      } finally {
        this.active = undefined;
        this.options.onChange?.();
      }
    }
  }

  private async announce(a: Announcement): Promise<AnnouncementOutcome> {
    if (this.options.now() > a.deadline) return 'dropped';
    const { chime, speech } = this.settings;
    if (!chime && !speech) return 'muted';
    try {
      // Composed before the chime, so a number that cannot be spoken fails without a stray chime.
      const words = speech
        ? announcementWords(a.ticket, a.counterName, {
            readLeadingZeros: this.options.readLeadingZeros(),
          })
        : [];
      if (chime) await this.options.player.chime();
      // Unspeakable words still deserve a sound: the chime alone tells the hall a call was made.
      if (speech && !(await this.options.player.speak(words)) && !chime) await this.options.player.chime();
      return 'announced';
    } catch {
      return 'failed';
    }
  }
}
