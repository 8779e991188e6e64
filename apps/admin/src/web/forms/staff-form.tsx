import { useState } from 'react';
import type { PublicHallConfig, SignedInStaff, StaffRecord, StaffRole } from '@antre/shared';
import { STAFF_ROLES } from '@antre/shared';
import { useLanguage } from '@antre/ui';
import type { FieldErrors } from '../model/config-submit.js';
import { errorAt } from '../model/config-submit.js';
import { T } from '../text/admin-text.js';
import { Field } from './field.js';
import { FormShell } from './form-shell.js';

export interface StaffDraft {
  username: string;
  name: string;
  role: StaffRole;
  agencyId: string;
}

/**
 * A staff account: user name (fixed once made), name, role and agency. An agency's supervisor is offered their
 * own agency and the counter role only; the hub's policy decides either way.
 */
export function StaffForm(props: {
  item: StaffRecord | undefined;
  me: SignedInStaff;
  config: PublicHallConfig;
  busy: boolean;
  errors: FieldErrors;
  onSubmit: (draft: StaffDraft) => void;
  onCancel: () => void;
}) {
  const { t } = useLanguage();
  const { item, me, config } = props;
  const own = me.agencyId;
  const [draft, setDraft] = useState<StaffDraft>(() => ({
    username: item?.username ?? '',
    name: item?.name ?? '',
    role: item?.role ?? 'staff',
    agencyId: item?.agencyId ?? own ?? '',
  }));
  const set = (patch: Partial<StaffDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const err = (field: string) => errorAt(props.errors, field);
  const agencies = config.agencies.filter((a) => own === undefined || a.id === own);
  return (
    <FormShell
      title={item ? `${t(T.edit)}: ${item.username}` : T.addStaff}
      busy={props.busy}
      errors={props.errors}
      onSubmit={() => props.onSubmit(draft)}
      onCancel={props.onCancel}
      testId="staff-form"
    >
      <Field label={T.username} error={err('username')}>
        <input
          name="username"
          value={draft.username}
          autoCapitalize="none"
          disabled={item !== undefined}
          onChange={(e) => set({ username: e.target.value })}
        />
      </Field>
      <Field label={T.fullName} error={err('name')}>
        <input name="name" value={draft.name} onChange={(e) => set({ name: e.target.value })} />
      </Field>
      <Field label={T.role} error={err('role')}>
        <select name="role" value={draft.role} onChange={(e) => set({ role: e.target.value as StaffRole })}>
          {STAFF_ROLES.filter((r) => own === undefined || r === 'staff').map((r) => (
            <option key={r} value={r}>
              {t(r === 'supervisor' ? T.roleSupervisor : T.roleStaff)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={T.agency} error={err('agencyId')}>
        <select name="agencyId" value={draft.agencyId} onChange={(e) => set({ agencyId: e.target.value })}>
          {own === undefined ? <option value="">{t(T.wholeHall)}</option> : null}
          {agencies.map((a) => (
            <option key={a.id} value={a.id}>
              {a.shortName}
            </option>
          ))}
        </select>
      </Field>
    </FormShell>
  );
}
