import { useCallback, useEffect, useRef, useState } from 'react';
import type { PublicHallConfig } from '@antre/shared';
import { checkInEntry } from '@antre/shared';
import { useLanguage } from '@antre/ui';
import { BackButton } from '../components/back-button.js';
import { Icon } from '../components/icon.js';
import { OnScreenKeyboard } from '../components/on-screen-keyboard.js';
import { CameraScanner } from '../camera/camera-scanner.js';
import type { CheckInProblem } from '../flow/kiosk-flow.js';
import '../shared/buttons.css';
import '../shared/screen-heading.css';
import '../shared/spinner.css';
import './check-in-screen.css';
import { CHECK_IN_TEXT } from './check-in-text.js';

/** The longest entry kept: a NIK typed with spaces, or a code; a scanner's stray characters are cut off. */
const MAX_ENTRY = 24;
/** The characters a code or NIK is made of (with the separators people and scanners type). */
const ENTRY_KEY = /^[0-9A-Za-z .-]$/;

/** The home screen's way in for citizens who booked. */
export function CheckInEntryButton(props: { onOpen: () => void }) {
  const { t } = useLanguage();
  return (
    <button type="button" className="check-in-entry" onClick={props.onOpen} data-testid="check-in-entry">
      <strong>{t(CHECK_IN_TEXT.entryTitle)}</strong>
      <span>{t(CHECK_IN_TEXT.entryHint)}</span>
    </button>
  );
}

/**
 * "I have an appointment": the booking code or NIK, typed on the keypad, or typed by a USB barcode scanner
 * reading the booking's QR (a scanner is a keyboard: the code, then Enter). The hub decides; a refusal is
 * said here, and a citizen too late is offered a regular ticket for the booked service.
 */
export function CheckInScreen(props: {
  config: PublicHallConfig;
  busy: boolean;
  problem: CheckInProblem | undefined;
  onBack: () => void;
  onCheckIn: (entry: { code: string } | { nik: string }) => void;
  onWalkIn: (serviceId: string) => void;
}) {
  const { t } = useLanguage();
  const [text, setText] = useState('');
  // After a check-in was tried, the next scan starts a new entry; the keypad goes on editing (a typo fixed).
  const tried = useRef(false);
  const { busy, onCheckIn } = props;
  const entry = checkInEntry(text);

  const submit = useCallback(() => {
    const read = checkInEntry(text);
    if (busy || read === undefined) return;
    tried.current = true;
    onCheckIn(read);
  }, [busy, onCheckIn, text]);

  const type = useCallback((key: string, scanned: boolean) => {
    if (key === 'Backspace') {
      tried.current = false;
      setText((v) => v.slice(0, -1));
      return;
    }
    const fresh = scanned && tried.current;
    tried.current = false;
    setText((v) => ((fresh ? '' : v) + key.toUpperCase()).slice(0, MAX_ENTRY));
  }, []);

  // A USB scanner (or a keyboard) types anywhere on this screen, and ends with Enter.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey) return;
      if (e.key === 'Enter') {
        e.preventDefault();
        submit();
      } else if (e.key === 'Backspace' || ENTRY_KEY.test(e.key)) {
        e.preventDefault();
        if (!busy) type(e.key, true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [busy, submit, type]);

  // The camera read a QR: the code is shown as if typed, and checked in at once.
  const scanned = useCallback(
    (read: string) => {
      const found = checkInEntry(read);
      if (busy || found === undefined) return;
      tried.current = true;
      setText(read.toUpperCase().slice(0, MAX_ENTRY));
      onCheckIn(found);
    },
    [busy, onCheckIn],
  );

  const walkIn = props.problem?.walkInServiceId;
  const walkInService = props.config.services.find((s) => s.id === walkIn);
  return (
    <div className="check-in-screen" data-testid="check-in-screen">
      <div className="screen-bar">
        <BackButton onBack={props.onBack} />
        <div className="screen-bar-title">
          <h1 className="screen-title">{t(CHECK_IN_TEXT.title)}</h1>
          <p className="screen-subtitle">{t(CHECK_IN_TEXT.subtitle)}</p>
        </div>
      </div>
      <div className="check-in-layout">
        <section className="check-in-panel" aria-labelledby="check-in-field-label">
          <p id="check-in-field-label" className="check-in-label">
            {t(CHECK_IN_TEXT.fieldLabel)}
          </p>
          <p
            className={`check-in-field${text === '' ? ' empty' : ''}`}
            role="status"
            aria-live="polite"
            data-testid="check-in-field"
          >
            {text === '' ? t(CHECK_IN_TEXT.placeholder) : text}
          </p>
          <p className="check-in-read" data-testid="check-in-read">
            {entry === undefined
              ? t(CHECK_IN_TEXT.scannerHint)
              : t('nik' in entry ? CHECK_IN_TEXT.readAsNik : CHECK_IN_TEXT.readAsCode)}
          </p>
          <CameraScanner paused={busy} onRead={scanned} />
          {props.problem ? (
            <div className="check-in-problem" role="alert" data-testid="check-in-problem">
              <Icon name="alert" size={40} />
              <div>
                <strong>{t(CHECK_IN_TEXT.refusedTitle)}</strong>
                <p>{t(props.problem.text)}</p>
                {walkIn !== undefined ? (
                  <button
                    type="button"
                    className="primary-button check-in-walk-in"
                    onClick={() => props.onWalkIn(walkIn)}
                    data-testid="check-in-walk-in"
                  >
                    {t(CHECK_IN_TEXT.walkIn)}
                    {walkInService ? ` ${t(CHECK_IN_TEXT.walkInFor)} ${t(walkInService.name)}` : ''}
                  </button>
                ) : null}
              </div>
            </div>
          ) : null}
          <div className="check-in-actions">
            <button
              type="button"
              className="secondary-button"
              onClick={() => {
                tried.current = false;
                setText('');
              }}
              disabled={busy || text === ''}
            >
              {t(CHECK_IN_TEXT.clearAll)}
            </button>
            <button
              type="button"
              className="primary-button"
              onClick={submit}
              disabled={busy || entry === undefined}
              data-testid="check-in-submit"
            >
              {busy ? <span className="spinner" aria-hidden="true" /> : null}
              {t(busy ? CHECK_IN_TEXT.checking : CHECK_IN_TEXT.checkIn)}
            </button>
          </div>
        </section>
        <OnScreenKeyboard
          layout="booking"
          onKey={(key) => {
            if (!busy) type(key, false);
          }}
        />
      </div>
    </div>
  );
}
