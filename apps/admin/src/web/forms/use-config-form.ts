import { useState } from 'react';
import type { HubConnection } from '@antre/client';
import type { ConfigChangeInput, LocalizedText } from '@antre/shared';
import type { FieldErrors } from '../model/config-submit.js';
import { submitConfigChange } from '../model/config-submit.js';

export interface ConfigFormState {
  busy: boolean;
  errors: FieldErrors;
  /**
   * Checks the draft (the same schema as the hub) and sends it; `build` returns the change, or the errors
   * that keep it from being sent.
   */
  submit: (build: () => { change: ConfigChangeInput } | { errors: FieldErrors }) => Promise<void>;
}

/**
 * One config form's round trip: the version it was opened on (the version check), errors at fields, and what
 * happens after: `onSaved`, or `onConflict` when someone changed the item meanwhile.
 */
export function useConfigForm(
  conn: HubConnection,
  onSaved: () => void,
  onConflict: (text: LocalizedText) => void,
): ConfigFormState {
  const [openedOn] = useState(() => conn.configVersion);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  return {
    busy,
    errors,
    async submit(build) {
      if (busy) return;
      const built = build();
      if ('errors' in built) {
        setErrors(built.errors);
        return;
      }
      setBusy(true);
      setErrors({});
      const outcome = await submitConfigChange(conn, built.change, openedOn);
      setBusy(false);
      if (outcome.kind === 'saved') onSaved();
      else if (outcome.kind === 'conflict') onConflict(outcome.text);
      else setErrors(outcome.errors);
    },
  };
}
