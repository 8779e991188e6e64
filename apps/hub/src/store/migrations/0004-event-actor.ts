/**
 * Who made each change: `staff:<username>`, `kiosk:<id>` or `system` (`actorTag`), beside the event rather than
 * in it, so that the events every client and display receives stay as they were. Reports read the staff member
 * who called, served or closed from it. Events logged before this version have none (NULL): reports then take
 * the staff member signed in at the counter.
 */
export const sql = `
ALTER TABLE events ADD COLUMN actor TEXT;
`;
