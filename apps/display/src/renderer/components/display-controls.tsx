import { LanguageToggle, useLanguage } from '@antre/ui';
import type { SoundSettings } from '../announcement/announcement-queue.js';
import { TEXT } from '../display-text.js';
import './display-controls.css';

/** Settings for whoever installs the screen; shown only while a mouse moves or a key is pressed. */
export function DisplayControls(props: {
  visible: boolean;
  sound: SoundSettings;
  onSound: (sound: SoundSettings) => void;
  onTest: () => void;
}) {
  const { t } = useLanguage();
  const toggle = (key: keyof SoundSettings) => props.onSound({ ...props.sound, [key]: !props.sound[key] });
  return (
    <div className={`display-controls${props.visible ? ' visible' : ''}`} aria-hidden={!props.visible}>
      <LanguageToggle />
      {(['chime', 'speech'] as const).map((key) => (
        <button
          key={key}
          type="button"
          className={`control-toggle${props.sound[key] ? ' on' : ''}`}
          aria-pressed={props.sound[key]}
          onClick={() => toggle(key)}
        >
          {t(TEXT[key])}: {t(props.sound[key] ? TEXT.on : TEXT.off)}
        </button>
      ))}
      <button type="button" className="control-toggle" onClick={props.onTest}>
        {t(TEXT.soundTest)}
      </button>
    </div>
  );
}
