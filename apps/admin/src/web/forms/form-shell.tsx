import type { FormEvent, ReactNode } from 'react';
import type { LocalizedText } from '@antre/shared';
import { useLanguage } from '@antre/ui';
import { errorAt } from '../model/config-submit.js';
import type { FieldErrors } from '../model/config-submit.js';
import { T } from '../text/admin-text.js';
import './form-shell.css';

/** A config form's frame: its title, the fields in a grid, an error for the whole change, and its buttons. */
export function FormShell(props: {
  title: LocalizedText | string;
  busy: boolean;
  errors: FieldErrors;
  onSubmit: () => void;
  onCancel?: () => void;
  children: ReactNode;
  testId?: string;
}) {
  const { t } = useLanguage();
  const whole = props.errors[''];
  const anyField = Object.keys(props.errors).some((k) => k !== '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit();
  };
  return (
    <form className="admin-form" onSubmit={submit} noValidate data-testid={props.testId}>
      <h2>{typeof props.title === 'string' ? props.title : t(props.title)}</h2>
      <div className="admin-form-grid">{props.children}</div>
      {whole ? (
        <p className="admin-error" role="alert">
          {t(whole)}
        </p>
      ) : anyField && !errorAt(props.errors, '') ? (
        <p className="admin-error" role="alert">
          {t(T.fixFields)}
        </p>
      ) : null}
      <div className="admin-form-actions">
        <button type="submit" className="admin-btn primary" disabled={props.busy}>
          {t(props.busy ? T.saving : T.save)}
        </button>
        {props.onCancel ? (
          <button type="button" className="admin-btn ghost" onClick={props.onCancel}>
            {t(T.cancel)}
          </button>
        ) : null}
      </div>
    </form>
  );
}
