import type { DomainEvent, HallConfig, QueueConfig, StaffRecord } from '@antre/shared';
import { applyConfigChange, applyStaffChange, changeSubjectKey, itemKey, withoutStaff } from '@antre/shared';
import type { EventStore } from './store/event-store.js';

/**
 * The hall config as it stands in the log: the store's seed with every `ConfigChanged` event applied, the
 * version it is at, and the version in which each item last changed (for the two-supervisors check). The
 * staff accounts start from the `HALL_CONFIG` file at every start and follow the log's `StaffChanged`
 * events; their secrets are in `StaffSecrets`, or the file's hash.
 */
export class LiveConfig {
  private readonly changed = new Map<string, number>();
  private accountList: StaffRecord[];

  private constructor(
    private current: HallConfig,
    private at: number,
  ) {
    this.accountList = current.staff.map(({ username, name, role, agencyId }) => ({
      username,
      name,
      role,
      ...(agencyId === undefined ? {} : { agencyId }),
      active: true,
      hasPassword: false,
    }));
  }

  /**
   * The config at the store's start: the seed the store holds, or `file` (saved as the seed) in a new store.
   * `staff` are the file's accounts either way; `fileIgnored` tells that the file's config differs from the seed. No config event is applied yet: the caller replays them in
   * step with the queue day (`apply`), so that a day replays on the config it was made on.
   */
  static open(store: EventStore, file: HallConfig, now: number): { live: LiveConfig; fileIgnored: boolean } {
    const fromFile = JSON.stringify(withoutStaff(file));
    const saved = store.configSeed();
    if (saved === undefined) {
      store.saveConfigSeed(fromFile, now);
      return { live: new LiveConfig(file, 0), fileIgnored: false };
    }
    const seed = JSON.parse(saved) as QueueConfig;
    return { live: new LiveConfig({ ...seed, staff: file.staff }, 0), fileIgnored: saved !== fromFile };
  }

  get config(): HallConfig {
    return this.current;
  }

  get version(): number {
    return this.at;
  }

  /** The version in which `key` (`service:ktp`, `hall`, `*`) last changed; 0 if never. */
  readonly changedIn = (key: string): number => this.changed.get(key) ?? 0;

  /** Every staff account, active or not, without secrets. */
  get accounts(): readonly StaffRecord[] {
    return this.accountList;
  }

  /** Follows one logged event; anything but a config or staff change leaves the config as it is. */
  apply(event: DomainEvent): void {
    if (event.type === 'StaffChanged') {
      const after = event.after;
      const at = this.accountList.findIndex((a) => a.username === event.username);
      // In its place: the list keeps the order accounts were made in.
      if (after && at < 0) this.accountList = [...this.accountList, after];
      else if (after) this.accountList = this.accountList.map((a, i) => (i === at ? after : a));
      else this.accountList = this.accountList.filter((a) => a.username !== event.username);
      this.current = { ...this.current, staff: applyStaffChange(this.current.staff, event) };
      // A new PIN or password alone leaves the version as it was.
      if (event.version !== this.at) {
        this.at = event.version;
        this.changed.set(itemKey('staff', event.username), event.version);
      }
      return;
    }
    if (event.type !== 'ConfigChanged') return;
    this.current = applyConfigChange(this.current, event.change);
    this.at = event.version;
    this.changed.set(changeSubjectKey(event.change), event.version);
  }
}
