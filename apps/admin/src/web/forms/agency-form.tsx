import { useState } from 'react';
import type { AgencyConfig } from '@antre/shared';
import { agencyConfig } from '@antre/shared';
import { useLanguage } from '@antre/ui';
import { errorAt, schemaErrors } from '../model/config-submit.js';
import { T } from '../text/admin-text.js';
import { Field } from './field.js';
import { FormShell } from './form-shell.js';
import type { ItemFormProps } from './service-form.js';
import { useConfigForm } from './use-config-form.js';

/** An agency: its names, badge code, colour and zone. */
export function AgencyForm({ conn, item, onDone, onConflict }: ItemFormProps<AgencyConfig>) {
  const { t } = useLanguage();
  const form = useConfigForm(conn, () => onDone(true), onConflict);
  const [draft, setDraft] = useState(() => ({
    id: item?.id ?? '',
    name: item?.name ?? '',
    shortName: item?.shortName ?? '',
    code: item?.code ?? '',
    color: item?.color ?? '#1565c0',
    zone: item?.zone ?? '',
  }));
  const set = (patch: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...patch }));
  const err = (field: string) => errorAt(form.errors, field);

  const submit = () =>
    form.submit(() => {
      const parsed = agencyConfig.safeParse({
        ...(item?.logo ? { logo: item.logo } : {}),
        id: draft.id.trim(),
        name: draft.name.trim(),
        shortName: draft.shortName.trim(),
        color: draft.color,
        ...(draft.code.trim() === '' ? {} : { code: draft.code.trim().toUpperCase() }),
        ...(draft.zone.trim() === '' ? {} : { zone: draft.zone.trim() }),
      });
      if (!parsed.success) return { errors: schemaErrors(parsed.error.issues) };
      return { change: { type: item ? 'update' : 'add', item: { kind: 'agency', value: parsed.data } } };
    });

  return (
    <FormShell
      title={item ? `${t(T.edit)}: ${item.shortName}` : `${t(T.add)}: ${t(T.agencies)}`}
      busy={form.busy}
      errors={form.errors}
      onSubmit={() => void submit()}
      onCancel={() => onDone(false)}
      testId="agency-form"
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
      <Field label={T.shortName} error={err('shortName')}>
        <input
          name="shortName"
          value={draft.shortName}
          onChange={(e) => set({ shortName: e.target.value })}
        />
      </Field>
      <Field label={T.code} error={err('code')}>
        <input name="code" value={draft.code} maxLength={4} onChange={(e) => set({ code: e.target.value })} />
      </Field>
      <Field label={T.color} error={err('color')}>
        <input
          name="color"
          type="color"
          value={draft.color}
          onChange={(e) => set({ color: e.target.value })}
        />
      </Field>
      <Field label={T.zone} error={err('zone')}>
        <input name="zone" value={draft.zone} onChange={(e) => set({ zone: e.target.value })} />
      </Field>
    </FormShell>
  );
}
