/**
 * Config as data: the hall config the store started from (the `HALL_CONFIG` file at the first start, without
 * its staff accounts). Every later change is a `ConfigChanged` event in the log, so the config of any moment
 * is this seed with the config events up to it. One row only.
 */
export const sql = `
CREATE TABLE config_seed (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  at INTEGER NOT NULL,
  config TEXT NOT NULL
) STRICT;
`;
