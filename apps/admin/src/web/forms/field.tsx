import { useId } from 'react';
import type { ReactElement } from 'react';
import { cloneElement } from 'react';
import type { LocalizedText } from '@antre/shared';
import { useLanguage } from '@antre/ui';
import './field.css';

/**
 * A labelled form control with its error under it, tied together for screen readers. `children` is the one
 * control; it gets the id, `aria-invalid` and `aria-describedby`.
 */
export function Field(props: {
  label: LocalizedText;
  error: LocalizedText | undefined;
  hint?: LocalizedText | undefined;
  wide?: boolean;
  children: ReactElement<Record<string, unknown>>;
}) {
  const { t } = useLanguage();
  const id = useId();
  const described = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].join(' ').trim();
  return (
    <div className={`admin-field${props.wide ? ' wide' : ''}${props.error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{t(props.label)}</label>
      {cloneElement(props.children, {
        id,
        'aria-invalid': props.error ? true : undefined,
        'aria-describedby': described === '' ? undefined : described,
      })}
      {props.hint ? (
        <small id={`${id}-hint`} className="admin-hint">
          {t(props.hint)}
        </small>
      ) : null}
      {props.error ? (
        <small id={`${id}-error`} className="admin-field-error" role="alert">
          {t(props.error)}
        </small>
      ) : null}
    </div>
  );
}
