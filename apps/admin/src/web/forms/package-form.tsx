import { useState } from 'react';
import type { ServicePackageConfig } from '@antre/shared';
import { servicePackageConfig } from '@antre/shared';
import { useLanguage } from '@antre/ui';
import { errorAt, schemaErrors } from '../model/config-submit.js';
import { T } from '../text/admin-text.js';
import { Field } from './field.js';
import { FormShell } from './form-shell.js';
import type { ItemFormProps } from './service-form.js';
import { useConfigForm } from './use-config-form.js';

/**
 * A service package (paket layanan): its names and its services, in the order ticked. The order the law fixes
 * (`order` pairs) is kept as it was for the services still in the package.
 */
export function PackageForm({ conn, config, item, onDone, onConflict }: ItemFormProps<ServicePackageConfig>) {
  const { t } = useLanguage();
  const form = useConfigForm(conn, () => onDone(true), onConflict);
  const [draft, setDraft] = useState(() => ({
    id: item?.id ?? '',
    nameId: item?.name.id ?? '',
    nameEn: item?.name.en ?? '',
    serviceIds: item?.serviceIds ?? [],
  }));
  const set = (patch: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...patch }));
  const err = (field: string) => errorAt(form.errors, field);

  const submit = () =>
    form.submit(() => {
      const kept = (item?.order ?? []).filter(
        ([a, b]) => draft.serviceIds.includes(a) && draft.serviceIds.includes(b),
      );
      const parsed = servicePackageConfig.safeParse({
        ...(item?.description ? { description: item.description } : {}),
        id: draft.id.trim(),
        name: { id: draft.nameId.trim(), en: draft.nameEn.trim() },
        serviceIds: draft.serviceIds,
        order: kept,
      });
      if (!parsed.success) return { errors: schemaErrors(parsed.error.issues) };
      return { change: { type: item ? 'update' : 'add', item: { kind: 'package', value: parsed.data } } };
    });

  return (
    <FormShell
      title={item ? `${t(T.edit)}: ${t(item.name)}` : `${t(T.add)}: ${t(T.packages)}`}
      busy={form.busy}
      errors={form.errors}
      onSubmit={() => void submit()}
      onCancel={() => onDone(false)}
      testId="package-form"
    >
      <Field label={T.id} error={err('id')}>
        <input
          name="id"
          value={draft.id}
          disabled={item !== undefined}
          onChange={(e) => set({ id: e.target.value })}
        />
      </Field>
      <Field label={T.nameId} error={err('name.id')}>
        <input name="nameId" value={draft.nameId} onChange={(e) => set({ nameId: e.target.value })} />
      </Field>
      <Field label={T.nameEn} error={err('name.en')}>
        <input name="nameEn" value={draft.nameEn} onChange={(e) => set({ nameEn: e.target.value })} />
      </Field>
      <fieldset className={`admin-field wide${err('serviceIds') ? ' invalid' : ''}`}>
        <legend>{t(T.packageServices)}</legend>
        <div className="admin-checklist">
          {config.services.map((s) => {
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
