import { useState } from 'react';
import type { HubConnection } from '@antre/client';
import type { LocalizedText, PublicHallConfig, ServiceConfig } from '@antre/shared';
import { WEEKDAY_NAMES, serviceConfig } from '@antre/shared';
import { useLanguage } from '@antre/ui';
import { errorAt, schemaErrors } from '../model/config-submit.js';
import { WEEK_FROM_MONDAY, hoursToText, textToHours } from '../model/hours-text.js';
import { T } from '../text/admin-text.js';
import { Field } from './field.js';
import { FormShell } from './form-shell.js';
import { lines, numberOrAbsent } from './number-text.js';
import { useConfigForm } from './use-config-form.js';

export interface ItemFormProps<V> {
  conn: HubConnection;
  config: PublicHallConfig;
  /** The item to change; absent: a new one. */
  item: V | undefined;
  onDone: (saved: boolean) => void;
  onConflict: (text: LocalizedText) => void;
}

/** A service: its names, prefix, requirements, quota, targets and (if its own) hours. */
export function ServiceForm({ conn, config, item, onDone, onConflict }: ItemFormProps<ServiceConfig>) {
  const { t } = useLanguage();
  const form = useConfigForm(conn, () => onDone(true), onConflict);
  const [draft, setDraft] = useState(() => ({
    id: item?.id ?? '',
    agencyId: item?.agencyId ?? config.agencies[0]?.id ?? '',
    prefix: item?.prefix ?? '',
    nameId: item?.name.id ?? '',
    nameEn: item?.name.en ?? '',
    reqId: item?.requirements.id.join('\n') ?? '',
    reqEn: item?.requirements.en.join('\n') ?? '',
    dailyQuota: item?.dailyQuota?.toString() ?? '',
    targetMinutes: item?.targetMinutes.toString() ?? '10',
    waitTargetMinutes: item?.waitTargetMinutes?.toString() ?? '',
    ownHours: item?.hours !== undefined,
    hours: hoursToText(item?.hours ?? config.hall.hours),
  }));
  const set = (patch: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...patch }));
  const err = (field: string) => errorAt(form.errors, field);

  const submit = () =>
    form.submit(() => {
      const dailyQuota = numberOrAbsent(draft.dailyQuota);
      const waitTarget = numberOrAbsent(draft.waitTargetMinutes);
      const parsed = serviceConfig.safeParse({
        ...(item?.aliases ? { aliases: item.aliases } : {}),
        id: draft.id.trim(),
        agencyId: draft.agencyId,
        prefix: draft.prefix.trim().toUpperCase(),
        name: { id: draft.nameId.trim(), en: draft.nameEn.trim() },
        requirements: { id: lines(draft.reqId), en: lines(draft.reqEn) },
        targetMinutes: numberOrAbsent(draft.targetMinutes),
        ...(dailyQuota === undefined ? {} : { dailyQuota }),
        ...(waitTarget === undefined ? {} : { waitTargetMinutes: waitTarget }),
        ...(draft.ownHours ? { hours: textToHours(draft.hours) } : {}),
      });
      if (!parsed.success) return { errors: schemaErrors(parsed.error.issues) };
      return { change: { type: item ? 'update' : 'add', item: { kind: 'service', value: parsed.data } } };
    });

  return (
    <FormShell
      title={item ? `${t(T.edit)}: ${t(item.name)}` : `${t(T.add)}: ${t(T.services)}`}
      busy={form.busy}
      errors={form.errors}
      onSubmit={() => void submit()}
      onCancel={() => onDone(false)}
      testId="service-form"
    >
      <Field label={T.id} error={err('id')}>
        <input
          name="id"
          value={draft.id}
          disabled={item !== undefined}
          onChange={(e) => set({ id: e.target.value })}
        />
      </Field>
      <Field label={T.agency} error={err('agencyId')}>
        <select name="agencyId" value={draft.agencyId} onChange={(e) => set({ agencyId: e.target.value })}>
          {config.agencies.map((a) => (
            <option key={a.id} value={a.id}>
              {a.shortName}
            </option>
          ))}
        </select>
      </Field>
      <Field label={T.prefix} error={err('prefix')}>
        <input
          name="prefix"
          value={draft.prefix}
          maxLength={2}
          onChange={(e) => set({ prefix: e.target.value })}
        />
      </Field>
      <Field label={T.nameId} error={err('name.id')}>
        <input name="nameId" value={draft.nameId} onChange={(e) => set({ nameId: e.target.value })} />
      </Field>
      <Field label={T.nameEn} error={err('name.en')}>
        <input name="nameEn" value={draft.nameEn} onChange={(e) => set({ nameEn: e.target.value })} />
      </Field>
      <Field label={T.requirementsId} error={err('requirements.id')}>
        <textarea name="reqId" value={draft.reqId} onChange={(e) => set({ reqId: e.target.value })} />
      </Field>
      <Field label={T.requirementsEn} error={err('requirements.en')}>
        <textarea name="reqEn" value={draft.reqEn} onChange={(e) => set({ reqEn: e.target.value })} />
      </Field>
      <Field label={T.targetMinutes} error={err('targetMinutes')}>
        <input
          name="targetMinutes"
          inputMode="decimal"
          value={draft.targetMinutes}
          onChange={(e) => set({ targetMinutes: e.target.value })}
        />
      </Field>
      <Field label={T.waitTargetMinutes} error={err('waitTargetMinutes')}>
        <input
          name="waitTargetMinutes"
          inputMode="numeric"
          value={draft.waitTargetMinutes}
          onChange={(e) => set({ waitTargetMinutes: e.target.value })}
        />
      </Field>
      <Field label={T.dailyQuota} error={err('dailyQuota')}>
        <input
          name="dailyQuota"
          inputMode="numeric"
          value={draft.dailyQuota}
          onChange={(e) => set({ dailyQuota: e.target.value })}
        />
      </Field>
      <label className="admin-check">
        <input
          type="checkbox"
          checked={draft.ownHours}
          onChange={(e) => set({ ownHours: e.target.checked })}
        />
        {t(T.ownHours)}
      </label>
      {draft.ownHours ? (
        <HoursFields value={draft.hours} onChange={(hours) => set({ hours })} errors={err} />
      ) : null}
    </FormShell>
  );
}

/** One text field per weekday: `08:00-12:00, 13:00-15:30`. */
export function HoursFields(props: {
  value: ReturnType<typeof hoursToText>;
  onChange: (value: ReturnType<typeof hoursToText>) => void;
  errors: (field: string) => LocalizedText | undefined;
  prefix?: string;
}) {
  const { t } = useLanguage();
  const prefix = props.prefix ?? 'hours';
  return (
    <div className="admin-hours">
      <p className="admin-hint admin-hours-help">{t(T.hoursHelp)}</p>
      {WEEK_FROM_MONDAY.map((day) => (
        <Field key={day} label={WEEKDAY_NAMES[day]} error={props.errors(`${prefix}.${day}`)}>
          <input
            name={`hours-${day}`}
            value={props.value[day]}
            onChange={(e) => props.onChange({ ...props.value, [day]: e.target.value })}
          />
        </Field>
      ))}
    </div>
  );
}
