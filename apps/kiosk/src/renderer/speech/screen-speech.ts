/**
 * Reads a screen aloud with the browser's own speech (the Web Speech API), in the language shown. The hall
 * display's recorded clip set speaks only ticket numbers and counters, not a kiosk's screens, so the kiosk
 * uses the voices of the machine it runs on: Chromium and Electron have an Indonesian one on Windows, Android
 * and ChromeOS, and on Linux with speech-dispatcher. Where there is none, `canSpeak` is false and the kiosk
 * hides the button rather than offer one that says nothing.
 */
export type SpeechLanguage = 'id' | 'en';

export interface ScreenSpeech {
  /** Whether there is a voice for the language. */
  canSpeak(lang: SpeechLanguage): boolean;
  /** Reads the text, cutting off whatever was being read. */
  speak(text: string, lang: SpeechLanguage): void;
  stop(): void;
  readonly speaking: boolean;
  /** Told when the voices arrive (they load after the page) and when reading starts or ends. */
  subscribe(listener: () => void): () => void;
}

/** BCP 47 tags of each language's voices: `in-ID` is what older Android systems call Indonesian. */
const TAGS: Record<SpeechLanguage, RegExp> = { id: /^(id|in)([-_]|$)/i, en: /^en([-_]|$)/i };

export function browserSpeech(
  synth: SpeechSynthesis | undefined = globalThis.speechSynthesis,
  Utterance: typeof SpeechSynthesisUtterance | undefined = globalThis.SpeechSynthesisUtterance,
): ScreenSpeech {
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const l of listeners) l();
  };
  let speaking = false;
  const voice = (lang: SpeechLanguage) => synth?.getVoices().find((v) => TAGS[lang].test(v.lang));
  synth?.addEventListener?.('voiceschanged', notify);
  return {
    canSpeak: (lang) => synth !== undefined && Utterance !== undefined && voice(lang) !== undefined,
    speak(text, lang) {
      const v = voice(lang);
      if (!synth || !Utterance || !v) return;
      synth.cancel();
      const utterance = new Utterance(text);
      utterance.voice = v;
      utterance.lang = v.lang;
      // A little slower than the default: many who need it are elderly.
      utterance.rate = 0.9;
      const done = () => {
        speaking = false;
        notify();
      };
      utterance.onend = done;
      utterance.onerror = done;
      speaking = true;
      notify();
      synth.speak(utterance);
    },
    stop() {
      synth?.cancel();
      speaking = false;
      notify();
    },
    get speaking() {
      return speaking;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
