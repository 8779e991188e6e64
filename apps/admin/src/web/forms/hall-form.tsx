import { useState } from 'react';
import type { HubConnection } from '@antre/client';
import type { LocalizedText, PublicHallConfig } from '@antre/shared';
import { hallInfo } from '@antre/shared';
import { errorAt, schemaErrors } from '../model/config-submit.js';
import { hoursToText, textToHours } from '../model/hours-text.js';
import { T } from '../text/admin-text.js';
import { Field } from './field.js';
import { FormShell } from './form-shell.js';
import { HoursFields } from './service-form.js';
import { useConfigForm } from './use-config-form.js';

/** The hall: its name, address, opening hours (the gaps are breaks) and the display's running text. */
export function HallForm(props: {
  conn: HubConnection;
  config: PublicHallConfig;
  onDone: (saved: boolean) => void;
  onConflict: (text: LocalizedText) => void;
}) {
  const { hall } = props.config;
  const form = useConfigForm(props.conn, () => props.onDone(true), props.onConflict);
  const [draft, setDraft] = useState(() => ({
    name: hall.name,
    address: hall.address ?? '',
    runId: hall.runningText?.id ?? '',
    runEn: hall.runningText?.en ?? '',
    hours: hoursToText(hall.hours),
  }));
  const set = (patch: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...patch }));
  const err = (field: string) => errorAt(form.errors, field);

  const submit = () =>
    form.submit(() => {
      const running = draft.runId.trim() === '' && draft.runEn.trim() === '';
      const parsed = hallInfo.safeParse({
        ...hall,
        name: draft.name.trim(),
        address: draft.address.trim() === '' ? undefined : draft.address.trim(),
        runningText: running ? undefined : { id: draft.runId.trim(), en: draft.runEn.trim() },
        hours: textToHours(draft.hours),
      });
      if (!parsed.success) return { errors: schemaErrors(parsed.error.issues) };
      return { change: { type: 'setHall', hall: parsed.data } };
    });

  return (
    <FormShell
      title={T.hall}
      busy={form.busy}
      errors={form.errors}
      onSubmit={() => void submit()}
      testId="hall-form"
    >
      <Field label={T.hallName} error={err('name')}>
        <input name="name" value={draft.name} onChange={(e) => set({ name: e.target.value })} />
      </Field>
      <Field label={T.address} error={err('address')}>
        <input name="address" value={draft.address} onChange={(e) => set({ address: e.target.value })} />
      </Field>
      <Field label={T.runningTextId} error={err('runningText.id')} wide>
        <textarea name="runId" value={draft.runId} onChange={(e) => set({ runId: e.target.value })} />
      </Field>
      <Field label={T.runningTextEn} error={err('runningText.en')} wide>
        <textarea name="runEn" value={draft.runEn} onChange={(e) => set({ runEn: e.target.value })} />
      </Field>
      <HoursFields value={draft.hours} onChange={(hours) => set({ hours })} errors={err} />
    </FormShell>
  );
}
