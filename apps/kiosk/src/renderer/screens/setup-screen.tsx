import { useState } from 'react';
import type { PublicHallConfig, Reply } from '@antre/shared';
import { ERROR_TEXT } from '@antre/shared';
import { LanguageToggle, useLanguage } from '@antre/ui';
import type { EnrolRequest } from '../../core/kiosk-backend.js';
import { Icon } from '../components/icon.js';
import { OnScreenKeyboard } from '../components/on-screen-keyboard.js';
import { TEXT } from '../text/kiosk-text.js';
import '../shared/buttons.css';
import '../shared/screen-heading.css';
import './setup-screen.css';

/**
 * For staff, once per kiosk: choose which kiosk of the hall this is and type the hub's pairing code
 * (and, in Electron, the hub's address). The hub answers with the device token the kiosk keeps.
 */
export function SetupScreen(props: {
  config: PublicHallConfig | undefined;
  askHubUrl: boolean;
  initialHubUrl?: string;
  onEnrol: (request: EnrolRequest) => Promise<Reply<object>>;
}) {
  const { t } = useLanguage();
  const kiosks = props.config?.kiosks ?? [];
  const [kioskId, setKioskId] = useState(kiosks[0]?.id ?? '');
  const [code, setCode] = useState('');
  const [hubUrl, setHubUrl] = useState(props.initialHubUrl ?? 'http://');
  const [field, setField] = useState<'code' | 'hub' | 'kiosk'>(
    props.askHubUrl && !props.config ? 'hub' : 'code',
  );
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const type = (key: string) => {
    const [value, set, max] =
      field === 'code'
        ? [code, setCode, 6]
        : field === 'hub'
          ? [hubUrl, setHubUrl, 120]
          : [kioskId, setKioskId, 64];
    set(key === 'Backspace' ? value.slice(0, -1) : (value + key).slice(0, max));
  };
  const enrol = async () => {
    setBusy(true);
    setError(undefined);
    const request: EnrolRequest = { kioskId, pairingCode: code };
    if (props.askHubUrl) request.hubUrl = hubUrl;
    const reply = await props.onEnrol(request);
    setBusy(false);
    if (!reply.ok) setError(t(ERROR_TEXT[reply.error.code]));
  };

  return (
    <div className="setup-screen" data-testid="setup">
      <div className="setup-head">
        <div>
          <h1 className="screen-title">{t(TEXT.setupTitle)}</h1>
          <p className="screen-subtitle">{t(TEXT.setupBody)}</p>
        </div>
        <LanguageToggle className="setup-lang" />
      </div>
      <div className="setup-form">
        <div className="setup-fields">
          {kiosks.length > 0 ? (
            <div className="setup-kiosks" role="radiogroup" aria-label={t(TEXT.kioskLabel)}>
              {kiosks.map((k) => (
                <button
                  type="button"
                  key={k.id}
                  role="radio"
                  aria-checked={k.id === kioskId}
                  className={`setup-kiosk${k.id === kioskId ? ' active' : ''}`}
                  onClick={() => setKioskId(k.id)}
                >
                  <strong>{k.name}</strong>
                  <span>{k.id}</span>
                </button>
              ))}
            </div>
          ) : (
            // No hall config yet (a new Electron kiosk): the kiosk's id is typed, as in the hall config.
            <button
              type="button"
              className={`setup-field${field === 'kiosk' ? ' active' : ''}`}
              onClick={() => setField('kiosk')}
            >
              <span>{t(TEXT.kioskLabel)}</span>
              <strong>{kioskId || 'kiosk-1'}</strong>
            </button>
          )}
          {props.askHubUrl ? (
            <button
              type="button"
              className={`setup-field${field === 'hub' ? ' active' : ''}`}
              onClick={() => setField('hub')}
            >
              <span>{t(TEXT.hubAddress)}</span>
              <strong>{hubUrl}</strong>
            </button>
          ) : null}
          <button
            type="button"
            className={`setup-field${field === 'code' ? ' active' : ''}`}
            onClick={() => setField('code')}
          >
            <span>{t(TEXT.pairingCode)}</span>
            <strong className="setup-code">{code.padEnd(6, '·')}</strong>
          </button>
          {error ? (
            <p className="setup-error" role="alert">
              <Icon name="alert" size={28} /> {error}
            </p>
          ) : null}
          <button
            type="button"
            className="primary-button"
            disabled={busy || code.length < 4 || kioskId === ''}
            onClick={() => void enrol()}
          >
            {t(TEXT.enrol)}
          </button>
        </div>
        <OnScreenKeyboard layout={field === 'code' ? 'digits' : 'url'} onKey={type} />
      </div>
    </div>
  );
}
