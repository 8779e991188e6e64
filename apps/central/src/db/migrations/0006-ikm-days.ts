/**
 * Each hall's survey (SKM) per day, as numbers that add up: respondents, per element (U1…U9) the answers given
 * and their sum, and the visitors served (the sample's population), for the responses and visits of that hall
 * day. Kept by the projection from the log (projection/ikm-days.ts, with packages/shared's IKM report fold),
 * so the cross-hall overview sums a year of a hall as 365 rows instead of folding its survey events.
 * `report_positions.ikm_seq`: how far in the hall's log the rows are kept; 0 here, so the rows of the logs
 * already stored are written by the next projection run.
 */
export const sql = `
CREATE TABLE report_ikm_days (
  hall_id TEXT NOT NULL,
  day TEXT NOT NULL,
  respondents INTEGER NOT NULL,
  answered INTEGER[] NOT NULL,
  sums INTEGER[] NOT NULL,
  visitors INTEGER NOT NULL,
  PRIMARY KEY (hall_id, day)
);
ALTER TABLE report_positions ADD COLUMN ikm_seq BIGINT NOT NULL DEFAULT 0;
`;
