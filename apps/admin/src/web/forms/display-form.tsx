import { useState } from 'react';
import type { DisplayConfig } from '@antre/shared';
import { displayConfig } from '@antre/shared';
import { useLanguage } from '@antre/ui';
import { errorAt, schemaErrors } from '../model/config-submit.js';
import { T } from '../text/admin-text.js';
import { Field } from './field.js';
import { FormShell } from './form-shell.js';
import type { ItemFormProps } from './service-form.js';
import { useConfigForm } from './use-config-form.js';

/** A display: its id (what it enrols as), name, and the zone whose counters it shows. */
export function DisplayForm({ conn, item, onDone, onConflict }: ItemFormProps<DisplayConfig>) {
  const { t } = useLanguage();
  const form = useConfigForm(conn, () => onDone(true), onConflict);
  const [draft, setDraft] = useState(() => ({
    id: item?.id ?? '',
    name: item?.name ?? '',
    zone: item?.zone ?? '',
  }));
  const set = (patch: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...patch }));
  const err = (field: string) => errorAt(form.errors, field);

  const submit = () =>
    form.submit(() => {
      const parsed = displayConfig.safeParse({
        id: draft.id.trim(),
        name: draft.name.trim(),
        ...(draft.zone.trim() === '' ? {} : { zone: draft.zone.trim() }),
      });
      if (!parsed.success) return { errors: schemaErrors(parsed.error.issues) };
      return { change: { type: item ? 'update' : 'add', item: { kind: 'display', value: parsed.data } } };
    });

  return (
    <FormShell
      title={item ? `${t(T.edit)}: ${item.name}` : `${t(T.add)}: ${t(T.displays)}`}
      busy={form.busy}
      errors={form.errors}
      onSubmit={() => void submit()}
      onCancel={() => onDone(false)}
      testId="display-form"
    >
      <Field label={T.id} error={err('id')}>
        <input
          name="id"
          value={draft.id}
          disabled={item !== undefined}
          onChange={(e) => set({ id: e.target.value })}
        />
      </Field>
      <Field label={T.fullName} error={err('name')}>
        <input name="name" value={draft.name} onChange={(e) => set({ name: e.target.value })} />
      </Field>
      <Field label={T.zone} error={err('zone')} hint={T.displayZoneHint}>
        <input name="zone" value={draft.zone} onChange={(e) => set({ zone: e.target.value })} />
      </Field>
    </FormShell>
  );
}
