import type { HubConnection } from '@antre/client';

/**
 * Resolves true once `predicate` holds for the connection (checked on each of its notifications), or
 * false after `realTimeoutMs`. Connections notify on status changes and on every event they apply.
 */
export function whenConnection(
  conn: HubConnection,
  predicate: () => boolean,
  realTimeoutMs: number,
): Promise<boolean> {
  if (predicate()) return Promise.resolve(true);
  return new Promise((resolve) => {
    const finish = (ok: boolean) => {
      clearTimeout(timer);
      unsubscribe();
      resolve(ok);
    };
    const timer = setTimeout(() => finish(predicate()), Math.max(0, realTimeoutMs));
    const unsubscribe = conn.subscribe(() => {
      if (predicate()) finish(true);
    });
  });
}

/** Cuts a client off the hub for a while, as a pulled cable would; socket.io reconnects by itself after. */
export function cutConnection(conn: HubConnection): () => void {
  conn.socket.disconnect();
  return () => {
    conn.socket.connect();
  };
}
