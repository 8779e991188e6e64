import { describe, expect, it } from 'vitest';
import { browserSpeech } from './screen-speech.js';

/** A speech synthesis with the given voices that records what it was asked to say. */
function fakeSynth(langs: string[]) {
  const spoken: Array<{ text: string; lang: string; rate: number }> = [];
  let cancelled = 0;
  const listeners: Array<() => void> = [];
  class Utterance {
    voice: { lang: string } | null = null;
    lang = '';
    rate = 1;
    onend: (() => void) | null = null;
    onerror: (() => void) | null = null;
    constructor(readonly text: string) {}
  }
  const synth = {
    getVoices: () => langs.map((lang) => ({ lang, name: lang })),
    addEventListener: (_: string, l: () => void) => listeners.push(l),
    cancel: () => (cancelled += 1),
    speak: (u: Utterance) => {
      spoken.push({ text: u.text, lang: u.lang, rate: u.rate });
      u.onend?.();
    },
  };
  return {
    speech: browserSpeech(
      synth as unknown as SpeechSynthesis,
      Utterance as unknown as typeof SpeechSynthesisUtterance,
    ),
    spoken,
    cancelled: () => cancelled,
    voicesArrive: () => listeners.forEach((l) => l()),
  };
}

describe('browserSpeech', () => {
  it('reads with a voice of the screen’s language, slowly, cutting off what was being read', () => {
    const { speech, spoken, cancelled } = fakeSynth(['en-US', 'id-ID']);
    expect(speech.canSpeak('id')).toBe(true);
    speech.speak('Selamat datang', 'id');
    speech.speak('Welcome', 'en');
    expect(spoken).toEqual([
      { text: 'Selamat datang', lang: 'id-ID', rate: 0.9 },
      { text: 'Welcome', lang: 'en-US', rate: 0.9 },
    ]);
    expect(cancelled()).toBe(2);
    expect(speech.speaking).toBe(false);
  });

  it('knows the older Android name of Indonesian, and says when there is no voice', () => {
    expect(fakeSynth(['in_ID']).speech.canSpeak('id')).toBe(true);
    const { speech, spoken } = fakeSynth(['en-GB']);
    expect(speech.canSpeak('id')).toBe(false);
    speech.speak('Selamat datang', 'id');
    expect(spoken).toEqual([]);
    expect(browserSpeech(undefined, undefined).canSpeak('en')).toBe(false);
  });

  it('tells its listeners when the voices arrive', () => {
    const fake = fakeSynth(['id-ID']);
    let told = 0;
    fake.speech.subscribe(() => (told += 1));
    fake.voicesArrive();
    expect(told).toBe(1);
  });
});
