import { sql as eventLog } from './0001-event-log.js';
import { sql as logIdentity } from './0002-log-identity.js';
import { sql as callFacts } from './0003-call-facts.js';
import { sql as eventActor } from './0004-event-actor.js';
import { sql as configSeed } from './0005-config-seed.js';
import { sql as surveyKey } from './0006-survey-key.js';
import { sql as revokedDevices } from './0007-revoked-devices.js';
import { sql as bookings } from './0008-bookings.js';
import { sql as daySnapshots } from './0009-day-snapshots.js';
import { sql as staffSecrets } from './0010-staff-secrets.js';
import { sql as passwordLockouts } from './0011-password-lockouts.js';
import { sql as packedDaySnapshots } from './0012-packed-day-snapshots.js';
import { sql as surveyLedgerSnapshots } from './0013-survey-ledger-snapshots.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Applied in order, each once; never edit one that is on main: add the next. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'event-log', sql: eventLog },
  { version: 2, name: 'log-identity', sql: logIdentity },
  { version: 3, name: 'call-facts', sql: callFacts },
  { version: 4, name: 'event-actor', sql: eventActor },
  { version: 5, name: 'config-seed', sql: configSeed },
  { version: 6, name: 'survey-key', sql: surveyKey },
  { version: 7, name: 'revoked-devices', sql: revokedDevices },
  { version: 8, name: 'bookings', sql: bookings },
  { version: 9, name: 'day-snapshots', sql: daySnapshots },
  { version: 10, name: 'staff-secrets', sql: staffSecrets },
  { version: 11, name: 'password-lockouts', sql: passwordLockouts },
  { version: 12, name: 'packed-day-snapshots', sql: packedDaySnapshots },
  { version: 13, name: 'survey-ledger-snapshots', sql: surveyLedgerSnapshots },
];
