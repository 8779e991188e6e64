/**
 * A batch of one hall's log stored in one statement (one round trip instead of five: BEGIN, lock the cursor,
 * INSERT, move the cursor, COMMIT). The function runs in the caller's statement, so it is one transaction:
 * it locks the log's row (batches of one log are stored one after the other), refuses a batch that starts past
 * the cursor, inserts only the events past the cursor and moves the cursor to the last of them. It returns the
 * cursor it found (`prev_seq`, null for an unknown log) and the one it left (`ack_seq`): the events stored are
 * those of the batch with `prev_seq < seq <= ack_seq`.
 */
export const sql = `
CREATE FUNCTION ingest_batch(
  p_hall TEXT, p_log TEXT, p_after BIGINT,
  p_seq BIGINT[], p_at BIGINT[], p_day TEXT[], p_type TEXT[], p_command TEXT[], p_actor TEXT[], p_payload TEXT[],
  OUT prev_seq BIGINT, OUT ack_seq BIGINT, OUT gap BOOLEAN
) LANGUAGE plpgsql AS $$
DECLARE
  n INT := cardinality(p_seq);
BEGIN
  SELECT last_seq INTO prev_seq FROM hall_logs WHERE hall_id = p_hall AND log_id = p_log FOR UPDATE;
  ack_seq := prev_seq;
  gap := prev_seq IS NOT NULL AND p_after > prev_seq;
  IF prev_seq IS NULL OR gap OR n = 0 OR p_seq[n] <= prev_seq THEN
    RETURN;
  END IF;
  -- ON CONFLICT DO NOTHING: the cursor already skips stored events; this is the key's second guard.
  INSERT INTO events (hall_id, log_id, seq, at, day, type, command_id, actor, payload)
  SELECT p_hall, p_log, u.* FROM unnest(p_seq, p_at, p_day, p_type, p_command, p_actor, p_payload)
    AS u (seq, at, day, type, command_id, actor, payload)
  WHERE u.seq > prev_seq
  ON CONFLICT (hall_id, log_id, seq) DO NOTHING;
  ack_seq := p_seq[n];
  UPDATE hall_logs SET last_seq = ack_seq, last_at = p_at[n] WHERE hall_id = p_hall AND log_id = p_log;
END
$$;
`;
