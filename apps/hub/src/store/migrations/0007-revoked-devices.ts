/**
 * Devices a hall supervisor revoked: refused at connect until they enrol again with the pairing code. A
 * revoked device's token is deleted too; this table also holds demo devices, which have no token.
 */
export const sql = `
CREATE TABLE revoked_devices (
  kind TEXT NOT NULL,
  device_id TEXT NOT NULL,
  revoked_at INTEGER NOT NULL,
  PRIMARY KEY (kind, device_id)
) STRICT;
`;
