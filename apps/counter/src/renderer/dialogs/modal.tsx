import { useEffect, useId, useRef } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useLanguage } from '@antre/ui';
import type { Feedback } from '../hooks/use-desk-actions.js';
import { T } from '../text/ui-text.js';
import '../shared/buttons.css';
import '../shared/notes.css';
import './modal.css';

export interface ModalProps {
  title: string;
  subtitle?: string | undefined;
  onClose: () => void;
  /** Enter in the dialog confirms; undefined leaves the dialog without a confirm button. */
  onConfirm?: () => void;
  confirmLabel?: string;
  confirmDisabled?: boolean;
  danger?: boolean;
  wide?: boolean;
  /** The screen's last answer: a refusal made while the dialog is open shows inside it. */
  feedback?: Feedback | undefined;
  children: ReactNode;
}

/** A dialog over the counter screen: Esc cancels, Enter confirms, and the shortcuts wait until it closes. */
export function Modal(props: ModalProps) {
  const { t } = useLanguage();
  const titleId = useId();
  const openedAt = useRef(props.feedback?.seq ?? 0);
  const form = useRef<HTMLFormElement>(null);
  const { onClose } = props;
  // Keyboard first: unless a field took the focus, the confirm button has it, so Enter confirms
  // (and never re-presses the button behind the dialog that opened it).
  useEffect(() => {
    const el = form.current;
    if (!el || el.contains(document.activeElement)) return;
    const confirm = el.querySelector<HTMLButtonElement>('button[type="submit"]:not(:disabled)');
    (confirm ?? el.querySelector<HTMLButtonElement>('button'))?.focus();
  }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!props.confirmDisabled) props.onConfirm?.();
  };
  const refusal =
    props.feedback && props.feedback.seq > openedAt.current && props.feedback.tone === 'error'
      ? props.feedback
      : undefined;

  return (
    <div
      className="modal-backdrop"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <form
        className={`modal ${props.wide ? 'wide' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        ref={form}
        onSubmit={submit}
      >
        <header className="modal-head">
          <h2 id={titleId}>{props.title}</h2>
          {props.subtitle ? <p>{props.subtitle}</p> : null}
        </header>
        <div className="modal-body">{props.children}</div>
        {refusal ? (
          <p className="form-error" role="alert">
            {t(refusal.text)}
          </p>
        ) : null}
        <footer className="modal-foot">
          <button type="button" className="btn ghost" onClick={onClose}>
            {t(T.cancel)} <kbd>Esc</kbd>
          </button>
          {props.onConfirm ? (
            <button
              type="submit"
              className={`btn ${props.danger ? 'danger' : 'primary'}`}
              disabled={props.confirmDisabled}
            >
              {props.confirmLabel ?? t(T.confirm)} <kbd>Enter</kbd>
            </button>
          ) : null}
        </footer>
      </form>
    </div>
  );
}
