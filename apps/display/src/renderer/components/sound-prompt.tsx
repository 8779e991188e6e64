import { useEffect } from 'react';
import { useLanguage } from '@antre/ui';
import { TEXT } from '../display-text.js';
import { SpeakerIcon } from './icons.js';
import './sound-prompt.css';

/**
 * Browsers allow sound only after a click or a key press. A small prompt in the header's corner asks for
 * one, in both languages, and any click or key anywhere will do: every call stays fully visible meanwhile.
 */
export function SoundPrompt(props: { onEnable: () => void }) {
  const { t, lang } = useLanguage();
  const other = lang === 'id' ? 'en' : 'id';
  const { onEnable } = props;
  useEffect(() => {
    window.addEventListener('pointerdown', onEnable);
    window.addEventListener('keydown', onEnable);
    return () => {
      window.removeEventListener('pointerdown', onEnable);
      window.removeEventListener('keydown', onEnable);
    };
  }, [onEnable]);
  return (
    <aside className="sound-prompt" data-testid="sound-prompt" aria-label={t(TEXT.enableSound)}>
      <button type="button" className="sound-button" onClick={onEnable}>
        <SpeakerIcon className="sound-icon" />
        {t(TEXT.enableSound)}
      </button>
      <p className="sound-hint">
        {TEXT.enableSound[other]} · {t(TEXT.enableSoundHint)}
      </p>
    </aside>
  );
}
