import { useState } from 'react';
import type { HubConnection } from '@antre/client';
import type { LocalizedText } from '@antre/shared';
import { ERROR_TEXT, checkInEntry, pickReason } from '@antre/shared';
import { useLanguage } from '@antre/ui';
import type { HallIndex } from '../model/hall-index.js';
import { fill } from '../text/ui-text.js';
import { CHECK_IN_TEXT } from './check-in-text.js';
import { Modal } from './modal.js';
import '../shared/buttons.css';
import '../shared/notes.css';
import '../shared/panel.css';
import '../shared/text-field.css';
import './call-number-dialog.css';
import './check-in-dialog.css';

/** The desk's way in: shown when a service of this counter takes appointments. */
export function CheckInButton(props: { onOpen: () => void }) {
  const { t } = useLanguage();
  return (
    <button type="button" className="panel check-in-open" onClick={props.onOpen} data-testid="check-in-open">
      <strong>{t(CHECK_IN_TEXT.open)}</strong>
      <small>{t(CHECK_IN_TEXT.openHint)}</small>
    </button>
  );
}

type Outcome = { tone: 'ok' | 'error'; text: LocalizedText } | undefined;

/**
 * A citizen shows the booking code (or says the NIK) at the desk: the same `booking:checkIn` as the kiosk's.
 * The hub decides; the number it issues is said here, to be told to the citizen, and the dialog stays open
 * for the next one. A refusal says why, in the staff's language.
 */
export function CheckInDialog(props: { conn: HubConnection; index: HallIndex; onClose: () => void }) {
  const { t } = useLanguage();
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const entry = checkInEntry(value);
  const { conn, index } = props;

  const checkIn = async () => {
    if (entry === undefined || busy) return;
    setBusy(true);
    const reply = await conn.request('booking:checkIn', entry);
    setBusy(false);
    if (!reply.ok) {
      // Too late, the hub's text already says a regular number can still be taken.
      setOutcome({ tone: 'error', text: reply.text ?? ERROR_TEXT[reply.error.code] });
      return;
    }
    const reason = pickReason(
      { appointment: { bookingId: reply.booking.bookingId, slotStart: reply.booking.slotStart } },
      index.config,
    );
    setOutcome({
      tone: 'ok',
      text: fill(CHECK_IN_TEXT.done, { n: reply.displayNumber, reason: reason ?? reply.booking.clock }),
    });
    setValue('');
  };

  return (
    <Modal
      title={t(CHECK_IN_TEXT.title)}
      subtitle={t(CHECK_IN_TEXT.subtitle)}
      onClose={props.onClose}
      onConfirm={() => void checkIn()}
      confirmLabel={t(busy ? CHECK_IN_TEXT.checking : CHECK_IN_TEXT.confirm)}
      confirmDisabled={entry === undefined || busy}
    >
      <label className="field">
        <span>{t(CHECK_IN_TEXT.label)}</span>
        <input
          className="number-input"
          autoFocus
          spellCheck={false}
          autoComplete="off"
          maxLength={24}
          placeholder="AB-23456Z"
          value={value}
          data-testid="check-in-value"
          onChange={(e) => {
            setValue(e.target.value);
            if (outcome?.tone === 'error') setOutcome(undefined);
          }}
        />
      </label>
      <p className="field-hint" aria-live="polite" data-testid="check-in-read">
        {entry === undefined
          ? '\u00a0'
          : t('nik' in entry ? CHECK_IN_TEXT.readAsNik : CHECK_IN_TEXT.readAsCode)}
      </p>
      {outcome ? (
        <p
          className={outcome.tone === 'error' ? 'form-error' : 'check-in-done'}
          role={outcome.tone === 'error' ? 'alert' : 'status'}
          data-testid="check-in-outcome"
        >
          {t(outcome.text)}
        </p>
      ) : null}
    </Modal>
  );
}
