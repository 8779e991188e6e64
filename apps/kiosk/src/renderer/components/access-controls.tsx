import { useSyncExternalStore } from 'react';
import { useLanguage } from '@antre/ui';
import type { ScreenSpeech } from '../speech/screen-speech.js';
import { TEXT } from '../text/kiosk-text.js';
import './access-controls.css';

/**
 * On every screen, low where a seated citizen reaches: "Dengarkan" reads the screen aloud (shown only where
 * the machine has a voice for the language), "Teks besar" makes everything half as large again. Both reset
 * for the next citizen.
 */
export function AccessControls(props: {
  speech: ScreenSpeech;
  /** What the screen says, read on request. */
  spoken: () => string;
  largeText: boolean;
  onLargeText: (on: boolean) => void;
}) {
  const { t, lang } = useLanguage();
  const { speech } = props;
  const canSpeak = useSyncExternalStore(
    (onChange) => speech.subscribe(onChange),
    () => speech.canSpeak(lang),
  );
  const speaking = useSyncExternalStore(
    (onChange) => speech.subscribe(onChange),
    () => speech.speaking,
  );
  return (
    <div className="access-controls">
      {canSpeak ? (
        <button
          type="button"
          className={`access-button${speaking ? ' on' : ''}`}
          aria-pressed={speaking}
          onClick={() => (speaking ? speech.stop() : speech.speak(props.spoken(), lang))}
          data-testid="listen"
        >
          <svg width="30" height="30" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path
              d="M4 9.5h3.5L12 5.5v13l-4.5-4H4z M15.5 9a4 4 0 0 1 0 6 M18 6.5a7.5 7.5 0 0 1 0 11"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </svg>
          {speaking ? t(TEXT.stopListening) : t(TEXT.listen)}
        </button>
      ) : null}
      <button
        type="button"
        className={`access-button${props.largeText ? ' on' : ''}`}
        aria-pressed={props.largeText}
        onClick={() => props.onLargeText(!props.largeText)}
        data-testid="large-text"
      >
        <span className="access-glyph" aria-hidden="true">
          A<span>A</span>
        </span>
        {t(TEXT.largeText)}
      </button>
    </div>
  );
}
