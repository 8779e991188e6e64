import { useState } from 'react';
import type { CounterConfig } from '@antre/shared';
import { counterConfig } from '@antre/shared';
import { useLanguage } from '@antre/ui';
import { errorAt, schemaErrors } from '../model/config-submit.js';
import { T } from '../text/admin-text.js';
import { Field } from './field.js';
import { FormShell } from './form-shell.js';
import type { ItemFormProps } from './service-form.js';
import { useConfigForm } from './use-config-form.js';

/** A counter: its number, agency, the services it calls in order, and its zone. */
export function CounterForm({ conn, config, item, onDone, onConflict }: ItemFormProps<CounterConfig>) {
  const { t } = useLanguage();
  const form = useConfigForm(conn, () => onDone(true), onConflict);
  const [draft, setDraft] = useState(() => ({
    id: item?.id ?? '',
    name: item?.name ?? '',
    agencyId: item?.agencyId ?? config.agencies[0]?.id ?? '',
    serviceIds: item?.serviceIds ?? [],
    zone: item?.zone ?? '',
  }));
  const set = (patch: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...patch }));
  const err = (field: string) => errorAt(form.errors, field);
  // A counter serves its own agency's services; the order of ticking is the order of preference.
  const offered = config.services.filter((s) => s.agencyId === draft.agencyId);

  const submit = () =>
    form.submit(() => {
      const parsed = counterConfig.safeParse({
        id: draft.id.trim(),
        name: draft.name.trim().toUpperCase(),
        agencyId: draft.agencyId,
        serviceIds: draft.serviceIds,
        ...(draft.zone.trim() === '' ? {} : { zone: draft.zone.trim() }),
      });
      if (!parsed.success) return { errors: schemaErrors(parsed.error.issues) };
      return { change: { type: item ? 'update' : 'add', item: { kind: 'counter', value: parsed.data } } };
    });

  return (
    <FormShell
      title={item ? `${t(T.edit)}: ${t(T.counter)} ${item.name}` : `${t(T.add)}: ${t(T.counter)}`}
      busy={form.busy}
      errors={form.errors}
      onSubmit={() => void submit()}
      onCancel={() => onDone(false)}
      testId="counter-form"
    >
      <Field label={T.id} error={err('id')}>
        <input
          name="id"
          value={draft.id}
          disabled={item !== undefined}
          onChange={(e) => set({ id: e.target.value })}
        />
      </Field>
      <Field label={T.counterName} error={err('name')}>
        <input name="name" value={draft.name} maxLength={4} onChange={(e) => set({ name: e.target.value })} />
      </Field>
      <Field label={T.agency} error={err('agencyId')}>
        <select
          name="agencyId"
          value={draft.agencyId}
          onChange={(e) => set({ agencyId: e.target.value, serviceIds: [] })}
        >
          {config.agencies.map((a) => (
            <option key={a.id} value={a.id}>
              {a.shortName}
            </option>
          ))}
        </select>
      </Field>
      <Field label={T.zone} error={err('zone')}>
        <input name="zone" value={draft.zone} onChange={(e) => set({ zone: e.target.value })} />
      </Field>
      <fieldset className={`admin-field wide${err('serviceIds') ? ' invalid' : ''}`}>
        <legend>{t(T.counterServices)}</legend>
        <div className="admin-checklist">
          {offered.map((s) => {
            const at = draft.serviceIds.indexOf(s.id);
            return (
              <label key={s.id} className="admin-check">
                <input
                  type="checkbox"
                  name={`service-${s.id}`}
                  checked={at >= 0}
                  onChange={(e) =>
                    set({
                      serviceIds: e.target.checked
                        ? [...draft.serviceIds, s.id]
                        : draft.serviceIds.filter((id) => id !== s.id),
                    })
                  }
                />
                {at >= 0 ? `${at + 1}. ` : ''}
                {t(s.name)} ({s.prefix})
              </label>
            );
          })}
        </div>
        {err('serviceIds') ? (
          <small className="admin-field-error" role="alert">
            {t(err('serviceIds') ?? T.fixFields)}
          </small>
        ) : null}
      </fieldset>
    </FormShell>
  );
}
