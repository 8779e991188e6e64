// The fallback voice when the clip set lacks a word: the platform's own Indonesian speech synthesis.

export interface VoiceLike {
  lang: string;
  name: string;
  localService: boolean;
}

/** An Indonesian voice, preferring one that works offline (a hall's network is not to be relied on). */
export function pickIndonesianVoice<V extends VoiceLike>(voices: readonly V[]): V | undefined {
  const indonesian = voices.filter((v) => /^(id|in)([-_]|$)/i.test(v.lang));
  return indonesian.find((v) => v.localService) ?? indonesian[0];
}

export class SpeechSynthesisFallback {
  private readonly synth: SpeechSynthesis | undefined = globalThis.speechSynthesis;

  /** Speaks `text`; false when there is no Indonesian voice. Resolves when the speech ends. */
  speak(text: string): Promise<boolean> {
    const voice = this.voice();
    const synth = this.synth;
    if (!voice || !synth) return Promise.resolve(false);
    return new Promise((resolve) => {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.voice = voice;
      utterance.lang = voice.lang;
      utterance.rate = 0.9;
      // Some engines never fire "end": a generous cap keeps the queue from stalling behind them.
      const cap = setTimeout(() => resolve(true), 2000 + text.length * 150);
      const done = () => {
        clearTimeout(cap);
        resolve(true);
      };
      utterance.onend = done;
      utterance.onerror = done;
      synth.speak(utterance);
    });
  }

  private voice(): SpeechSynthesisVoice | undefined {
    return this.synth ? pickIndonesianVoice(this.synth.getVoices()) : undefined;
  }
}
