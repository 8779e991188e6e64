import type { HubConnection } from '@antre/client';
import { useHub, useLanguage } from '@antre/ui';
import { T } from '../text/admin-text.js';
import './devices-screen.css';

/**
 * The hall's staff accounts as the public config lists them (no secrets), following the hub live. Changing
 * them from here waits for the hub's staff request (see the note on the page).
 */
export function StaffScreen({ conn }: { conn: HubConnection }) {
  const hub = useHub(conn);
  const { t } = useLanguage();
  const config = hub.config;
  if (!config) return null;
  const agency = (id: string | undefined) =>
    id === undefined ? t(T.wholeHall) : (config.agencies.find((a) => a.id === id)?.shortName ?? id);
  return (
    <section className="devices" aria-labelledby="staff-title">
      <h1 id="staff-title">{t(T.staffTitle)}</h1>
      <p className="admin-note">{t(T.staffReadOnly)}</p>
      <table className="devices-table" data-testid="staff-table">
        <thead>
          <tr>
            <th scope="col">{t(T.username)}</th>
            <th scope="col">{t(T.fullName)}</th>
            <th scope="col">{t(T.role)}</th>
            <th scope="col">{t(T.agency)}</th>
          </tr>
        </thead>
        <tbody>
          {config.staff.map((s) => (
            <tr key={s.username}>
              <td>{s.username}</td>
              <td>{s.name}</td>
              <td>{t(s.role === 'supervisor' ? T.roleSupervisor : T.roleStaff)}</td>
              <td>{agency(s.agencyId)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
