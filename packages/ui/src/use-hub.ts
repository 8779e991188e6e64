import { useSyncExternalStore } from 'react';
import type { ConnectionStatus, HubConnection } from '@antre/client';
import type { Principal, PublicHallConfig, DayView } from '@antre/shared';

export interface HubView {
  status: ConnectionStatus;
  state: DayView | undefined;
  config: PublicHallConfig | undefined;
  principal: Principal;
  pendingCount: number;
  /** Changes on every update: the mirror is mutated in place, so components key memos on this. */
  version: number;
}

const versions = new WeakMap<HubConnection, number>();

/** Re-renders on every change of the connection: status, config or a new event. */
export function useHub(conn: HubConnection): HubView {
  const version = useSyncExternalStore(
    (onChange) =>
      conn.subscribe(() => {
        versions.set(conn, (versions.get(conn) ?? 0) + 1);
        onChange();
      }),
    () => versions.get(conn) ?? 0,
  );
  return {
    status: conn.status,
    state: conn.state,
    config: conn.config,
    principal: conn.principal,
    pendingCount: conn.pendingCount,
    version,
  };
}
