import { useState } from 'react';
import { LanguageToggle, useLanguage } from '@antre/ui';
import { normalizeHubUrl } from '../../common/hub-url.js';
import type { CounterBridge } from '../../preload/counter-bridge.js';
import { T } from '../text/ui-text.js';
import '../shared/buttons.css';
import '../shared/notes.css';
import '../shared/text-field.css';
import './splash-screen.css';
import './sign-in-screen.css';

/** First start of the Electron app on a machine: where is the hall's hub? */
export function HubSetupScreen({ bridge }: { bridge: CounterBridge }) {
  const { t } = useLanguage();
  const [value, setValue] = useState('http://');
  const [invalid, setInvalid] = useState(false);
  return (
    <main className="splash">
      <form
        className="sign-in-card"
        onSubmit={(e) => {
          e.preventDefault();
          const url = normalizeHubUrl(value);
          setInvalid(url === undefined);
          if (url !== undefined) void bridge.setHubUrl(url);
        }}
      >
        <LanguageToggle />
        <h2>{t(T.hubSetupTitle)}</h2>
        <p className="lead">{t(T.hubSetupLead)}</p>
        <label>
          <span>{t(T.hubSetupTitle)}</span>
          <input value={value} autoFocus spellCheck={false} onChange={(e) => setValue(e.target.value)} />
        </label>
        {invalid ? (
          <p className="form-error" role="alert">
            {t(T.hubSetupInvalid)}
          </p>
        ) : null}
        <button type="submit" className="btn primary wide">
          {t(T.hubSetupSave)}
        </button>
      </form>
    </main>
  );
}
