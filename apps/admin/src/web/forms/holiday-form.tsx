import { useState } from 'react';
import type { HolidayConfig } from '@antre/shared';
import { holidayConfig } from '@antre/shared';
import { useLanguage } from '@antre/ui';
import { errorAt, schemaErrors } from '../model/config-submit.js';
import { T } from '../text/admin-text.js';
import { Field } from './field.js';
import { FormShell } from './form-shell.js';
import type { ItemFormProps } from './service-form.js';
import { useConfigForm } from './use-config-form.js';

/** A day the hall is closed, with its name in both languages. */
export function HolidayForm({ conn, item, onDone, onConflict }: ItemFormProps<HolidayConfig>) {
  const { t } = useLanguage();
  const form = useConfigForm(conn, () => onDone(true), onConflict);
  const [draft, setDraft] = useState(() => ({
    date: item?.date ?? '',
    nameId: item?.name.id ?? '',
    nameEn: item?.name.en ?? '',
  }));
  const set = (patch: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...patch }));
  const err = (field: string) => errorAt(form.errors, field);

  const submit = () =>
    form.submit(() => {
      const parsed = holidayConfig.safeParse({
        date: draft.date,
        name: { id: draft.nameId.trim(), en: draft.nameEn.trim() },
      });
      if (!parsed.success) return { errors: schemaErrors(parsed.error.issues) };
      return { change: { type: item ? 'update' : 'add', item: { kind: 'holiday', value: parsed.data } } };
    });

  return (
    <FormShell
      title={item ? `${t(T.edit)}: ${item.date}` : `${t(T.add)}: ${t(T.holidays)}`}
      busy={form.busy}
      errors={form.errors}
      onSubmit={() => void submit()}
      onCancel={() => onDone(false)}
      testId="holiday-form"
    >
      <Field label={T.date} error={err('date')}>
        <input
          name="date"
          type="date"
          value={draft.date}
          disabled={item !== undefined}
          onChange={(e) => set({ date: e.target.value })}
        />
      </Field>
      <Field label={T.nameId} error={err('name.id')}>
        <input name="nameId" value={draft.nameId} onChange={(e) => set({ nameId: e.target.value })} />
      </Field>
      <Field label={T.nameEn} error={err('name.en')}>
        <input name="nameEn" value={draft.nameEn} onChange={(e) => set({ nameEn: e.target.value })} />
      </Field>
    </FormShell>
  );
}
