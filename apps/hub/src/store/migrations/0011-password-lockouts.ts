/**
 * Wrong supervisor passwords in a row, per account, and until when its password sign-in is locked
 * (`sign-in-lockout.ts`): kept in the store, so that a restart does not lift a lockout.
 */
export const sql = `
CREATE TABLE password_failures (
  username TEXT PRIMARY KEY,
  count INTEGER NOT NULL,
  locked_until INTEGER NOT NULL
) STRICT;
`;
