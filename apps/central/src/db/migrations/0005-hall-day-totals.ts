/**
 * Each hall's day in one row: the day's `dim = 'all'` statistics summed over its services, kept by the
 * projection with the day's rollup (`PgReportStore.write`). The cross-hall overview reads a year of a hall as
 * 365 rows instead of one per day and service. The primary key (hall, day) is the index the overview's range
 * scan uses. Days projected before this migration have no totals yet: their projection is started over from
 * the log (its position cleared), which writes them.
 */
export const sql = `
CREATE TABLE report_hall_leg_days (LIKE report_leg_stats INCLUDING DEFAULTS);
ALTER TABLE report_hall_leg_days DROP COLUMN dim, DROP COLUMN value, DROP COLUMN service_id,
  ADD PRIMARY KEY (hall_id, day);
CREATE TABLE report_hall_visit_days (LIKE report_visit_stats INCLUDING DEFAULTS);
ALTER TABLE report_hall_visit_days DROP COLUMN dim, DROP COLUMN value, DROP COLUMN service_id,
  ADD PRIMARY KEY (hall_id, day);
DELETE FROM report_positions;
`;
