import { useState } from 'react';
import type { HubConnection } from '@antre/client';
import type { LocalizedText, PublicHallConfig } from '@antre/shared';
import { queueSettings } from '@antre/shared';
import { useLanguage } from '@antre/ui';
import { errorAt, schemaErrors } from '../model/config-submit.js';
import { T } from '../text/admin-text.js';
import { Field } from './field.js';
import { FormShell } from './form-shell.js';
import { numberOrAbsent } from './number-text.js';
import { useConfigForm } from './use-config-form.js';

type NumberSetting = 'priorityStreak' | 'waitTargetMinutes' | 'noShowMinSeconds' | 'noShowMinRecalls';

const NUMBER_FIELDS: Array<[NumberSetting, LocalizedText]> = [
  ['waitTargetMinutes', T.hallWaitTarget],
  ['priorityStreak', T.priorityStreak],
  ['noShowMinSeconds', T.noShowMinSeconds],
  ['noShowMinRecalls', T.noShowMinRecalls],
];

/** The queue's rules and the voice announcement setting; the rest of the settings are kept as they are. */
export function SettingsForm(props: {
  conn: HubConnection;
  config: PublicHallConfig;
  onDone: (saved: boolean) => void;
  onConflict: (text: LocalizedText) => void;
}) {
  const { t } = useLanguage();
  const { settings } = props.config;
  const form = useConfigForm(props.conn, () => props.onDone(true), props.onConflict);
  const [numbers, setNumbers] = useState<Record<NumberSetting, string>>(() => ({
    priorityStreak: String(settings.priorityStreak),
    waitTargetMinutes: String(settings.waitTargetMinutes),
    noShowMinSeconds: String(settings.noShowMinSeconds),
    noShowMinRecalls: String(settings.noShowMinRecalls),
  }));
  const [leadingZeros, setLeadingZeros] = useState(settings.readLeadingZeros);
  const err = (field: string) => errorAt(form.errors, field);

  const submit = () =>
    form.submit(() => {
      const parsed = queueSettings.safeParse({
        ...settings,
        readLeadingZeros: leadingZeros,
        priorityStreak: numberOrAbsent(numbers.priorityStreak),
        waitTargetMinutes: numberOrAbsent(numbers.waitTargetMinutes),
        noShowMinSeconds: numberOrAbsent(numbers.noShowMinSeconds),
        noShowMinRecalls: numberOrAbsent(numbers.noShowMinRecalls),
      });
      if (!parsed.success) return { errors: schemaErrors(parsed.error.issues) };
      return { change: { type: 'setSettings', settings: parsed.data } };
    });

  return (
    <FormShell
      title={T.settings}
      busy={form.busy}
      errors={form.errors}
      onSubmit={() => void submit()}
      testId="settings-form"
    >
      {NUMBER_FIELDS.map(([key, label]) => (
        <Field key={key} label={label} error={err(key)}>
          <input
            name={key}
            inputMode="numeric"
            value={numbers[key]}
            onChange={(e) => setNumbers((n) => ({ ...n, [key]: e.target.value }))}
          />
        </Field>
      ))}
      <fieldset className="admin-field wide">
        <legend>{t(T.announcement)}</legend>
        <label className="admin-check">
          <input type="checkbox" checked={leadingZeros} onChange={(e) => setLeadingZeros(e.target.checked)} />
          {t(T.readLeadingZeros)}
        </label>
      </fieldset>
    </FormShell>
  );
}
