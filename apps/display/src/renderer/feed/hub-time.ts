/**
 * The hub's clock as seen from this display. A TV's own clock may be wrong, and the hub stamps every event
 * with its time, so the age of a call is measured on the hub's clock: the offset from the latest event
 * that arrived live (delivery takes milliseconds, so its stamp is "now" on the hub).
 */
export class HubTime {
  private offset: number | undefined;

  observe(hubAt: number, localNow: number): void {
    this.offset = localNow - hubAt;
  }

  /** The hub's time now; undefined before any live event gave a reading. */
  now(localNow: number): number | undefined {
    return this.offset === undefined ? undefined : localNow - this.offset;
  }
}
