/**
 * A day's snapshot keeps the survey's ledger beside it (`survey-snapshot-codec.ts`), taken at the same event:
 * a restart reads it instead of replaying the survey window's tickets. Empty in the snapshots taken before
 * (and in any a later format ignores): the ledger then replays its window of the log, as before.
 */
export const sql = `
ALTER TABLE day_snapshots ADD COLUMN survey BLOB;
`;
