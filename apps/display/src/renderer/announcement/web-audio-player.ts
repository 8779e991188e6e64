// The live player: the hall's speakers through one AudioContext, the clip set, and the fallback voice.

import { announcementText } from '@antre/shared';
import type { AnnouncementPlayer } from './announcement-queue.js';
import type { ClipBank } from './clip-bank.js';
import { CHIME_TO_SPEECH_S, scheduleBuffer, scheduleWords } from './announcement-schedule.js';
import type { SpeechSynthesisFallback } from './speech-synthesis-fallback.js';

export class WebAudioPlayer implements AnnouncementPlayer {
  constructor(
    private readonly context: AudioContext,
    private readonly bank: () => ClipBank,
    private readonly fallback: SpeechSynthesisFallback,
  ) {}

  async chime(): Promise<void> {
    const chime = this.bank().chime;
    if (!chime) return;
    const start = this.context.currentTime + 0.05;
    await this.until(scheduleBuffer(this.context, chime, start) + CHIME_TO_SPEECH_S);
  }

  async speak(words: readonly string[]): Promise<boolean> {
    const end = scheduleWords(this.context, this.bank(), words, this.context.currentTime + 0.05);
    if (end === undefined) return this.fallback.speak(announcementText(words));
    await this.until(end);
    return true;
  }

  /**
   * Resolves when the context's clock reaches `end`. The audio clock, not a wall-clock timer, decides, so
   * the next sound can never start before this one is heard out; a wall-clock cap (when the audio device
   * is gone and the clock stops) keeps the queue from stalling for good.
   */
  private until(end: number): Promise<void> {
    return new Promise((resolve) => {
      const capMs = (end - this.context.currentTime) * 1000 + 3000;
      const started = performance.now();
      const check = () => {
        if (this.context.currentTime >= end || performance.now() - started > capMs) resolve();
        else setTimeout(check, Math.min(100, Math.max(10, (end - this.context.currentTime) * 1000)));
      };
      check();
    });
  }
}
