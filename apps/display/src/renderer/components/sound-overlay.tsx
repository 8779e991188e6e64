import { useLanguage } from '@antre/ui';
import { TEXT } from '../display-text.js';
import { SpeakerIcon } from './icons.js';
import './sound-overlay.css';

/** Browsers allow sound only after a click: this asks for one, in both languages, over the whole screen. */
export function SoundOverlay(props: { onEnable: () => void }) {
  const { t, lang } = useLanguage();
  const other = lang === 'id' ? 'en' : 'id';
  return (
    <div className="sound-overlay" role="dialog" aria-modal="true" onClick={props.onEnable}>
      <button type="button" className="sound-button" onClick={props.onEnable} autoFocus>
        <SpeakerIcon className="sound-icon" />
        {t(TEXT.enableSound)}
      </button>
      <p>{t(TEXT.enableSoundHint)}</p>
      <p className="sound-overlay-other">
        {TEXT.enableSound[other]} · {TEXT.enableSoundHint[other]}
      </p>
    </div>
  );
}
