import type { SignedInStaff } from '../access-policy.js';
import type { ConfigChangeInput } from '../config-change.js';
import { changeSubjectKey, configChangeSchema, itemKey } from '../config-change.js';
import type { ConfigDecision } from '../config-engine.js';
import { decideConfigChange } from '../config-engine.js';
import type { DomainEvent } from '../domain-events.js';
import type { StaffChangeInput, StaffDecision, StaffRecord } from '../staff-change.js';
import { decideStaffChange, staffChangeSchema } from '../staff-change.js';
import type { TestQueue } from './test-hall.js';

const HALL_SUPERVISOR: SignedInStaff = { username: 'spv', name: 'Supervisor MPP', role: 'supervisor' };

/**
 * The hub's config service in memory, over a `TestQueue`: decides config and staff changes on the queue's
 * day, and applies an accepted one as the hub does (the event to the day, the config replaced, the versions
 * noted). Refusals change nothing.
 */
export class TestHallAdmin {
  version = 1;
  readonly changedIn = new Map<string, number>();
  accounts: StaffRecord[];

  constructor(readonly q: TestQueue) {
    this.accounts = q.config.staff.map(({ username, name, role, agencyId }) => ({
      username,
      name,
      role,
      ...(agencyId === undefined ? {} : { agencyId }),
      active: true,
      hasPassword: false,
    }));
  }

  /** Decides a config change; applies it when accepted. `expected` is the version the author saw. */
  change(input: ConfigChangeInput, expected = this.version, by = 'spv'): ConfigDecision {
    const change = configChangeSchema.parse(input);
    const decision = decideConfigChange(
      {
        config: this.q.config,
        staff: this.accounts,
        version: this.version,
        changedIn: (key) => this.changedIn.get(key) ?? 0,
        day: this.q.state,
      },
      { expectedVersion: expected, change },
      by,
    );
    if (decision.ok) {
      this.q.apply([decision.event]);
      this.q.config = { ...decision.config, staff: this.q.config.staff };
      this.version = decision.event.version;
      this.changedIn.set(changeSubjectKey(change), this.version);
    }
    return decision;
  }

  /** Like `change`, but a refusal throws: for the steps that set a scene up. */
  must(input: ConfigChangeInput, expected = this.version): DomainEvent {
    const decision = this.change(input, expected);
    if (!decision.ok) throw new Error(`${input.type} refused: ${decision.error.message}`);
    return decision.event;
  }

  staff(
    input: StaffChangeInput,
    expected = this.version,
    by: SignedInStaff = HALL_SUPERVISOR,
  ): StaffDecision {
    const change = staffChangeSchema.parse(input);
    const decision = decideStaffChange(
      {
        accounts: this.accounts,
        config: this.q.config,
        version: this.version,
        changedIn: (key) => this.changedIn.get(key) ?? 0,
      },
      { expectedVersion: expected, change },
      by,
    );
    if (decision.ok) {
      this.q.apply([decision.event]);
      this.accounts = [...this.accounts.filter((a) => a.username !== change.username), decision.account];
      if (decision.event.version !== this.version) {
        this.version = decision.event.version;
        this.changedIn.set(itemKey('staff', change.username), this.version);
      }
    }
    return decision;
  }
}
