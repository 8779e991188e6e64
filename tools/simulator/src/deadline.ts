/**
 * `promise`, or a rejection naming what was still awaited once `realMs` of wall time have passed. Every wait of
 * the simulation that depends on other processes has one, so that a stuck participant fails the run with its
 * name and state instead of holding it until whoever runs it gives up.
 */
export function within<T>(promise: Promise<T>, realMs: number, what: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what()} (after ${Math.round(realMs / 1000)} s)`)),
      Math.max(0, realMs),
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
