import { useState } from 'react';
import type { KioskConfig } from '@antre/shared';
import { kioskConfig } from '@antre/shared';
import { useLanguage } from '@antre/ui';
import { errorAt, schemaErrors } from '../model/config-submit.js';
import { T } from '../text/admin-text.js';
import { Field } from './field.js';
import { FormShell } from './form-shell.js';
import type { ItemFormProps } from './service-form.js';
import { useConfigForm } from './use-config-form.js';

/** A kiosk: its id (what it enrols as), name, printer address and paper width. */
export function KioskForm({ conn, item, onDone, onConflict }: ItemFormProps<KioskConfig>) {
  const { t } = useLanguage();
  const form = useConfigForm(conn, () => onDone(true), onConflict);
  const [draft, setDraft] = useState(() => ({
    id: item?.id ?? '',
    name: item?.name ?? '',
    printer: item?.printer ?? '',
    paperWidth: String(item?.paperWidth ?? 80),
  }));
  const set = (patch: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...patch }));
  const err = (field: string) => errorAt(form.errors, field);

  const submit = () =>
    form.submit(() => {
      const parsed = kioskConfig.safeParse({
        id: draft.id.trim(),
        name: draft.name.trim(),
        paperWidth: Number(draft.paperWidth),
        ...(draft.printer.trim() === '' ? {} : { printer: draft.printer.trim() }),
      });
      if (!parsed.success) return { errors: schemaErrors(parsed.error.issues) };
      return { change: { type: item ? 'update' : 'add', item: { kind: 'kiosk', value: parsed.data } } };
    });

  return (
    <FormShell
      title={item ? `${t(T.edit)}: ${item.name}` : `${t(T.add)}: ${t(T.kiosks)}`}
      busy={form.busy}
      errors={form.errors}
      onSubmit={() => void submit()}
      onCancel={() => onDone(false)}
      testId="kiosk-form"
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
      <Field label={T.printer} error={err('printer')} hint={T.printerHint}>
        <input name="printer" value={draft.printer} onChange={(e) => set({ printer: e.target.value })} />
      </Field>
      <Field label={T.paperWidth} error={err('paperWidth')}>
        <select
          name="paperWidth"
          value={draft.paperWidth}
          onChange={(e) => set({ paperWidth: e.target.value })}
        >
          <option value="80">80 mm</option>
          <option value="58">58 mm</option>
        </select>
      </Field>
    </FormShell>
  );
}
