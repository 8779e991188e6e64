/**
 * Calls say which call of their ticket they are (`callIndex`), and tickets carry the prefix they were issued
 * with (`prefix`): facts that readers had to reconstruct before. Events logged before this version get them
 * here, computed from the log itself, so every event in the store has the shape the reducer expects.
 * The index makes counting a ticket's earlier calls cheap on a long log; it is dropped afterwards.
 */
export const sql = `
CREATE INDEX events_calls_by_ticket ON events (json_extract(payload, '$.ticketId'), seq)
  WHERE type IN ('TicketCalled', 'TicketRecalled');
UPDATE events SET payload = json_set(payload, '$.callIndex', (
    SELECT COUNT(*) FROM events AS earlier
    WHERE earlier.type IN ('TicketCalled', 'TicketRecalled')
      AND json_extract(earlier.payload, '$.ticketId') = json_extract(events.payload, '$.ticketId')
      AND earlier.seq < events.seq))
  WHERE type IN ('TicketCalled', 'TicketRecalled') AND json_type(payload, '$.callIndex') IS NULL;
DROP INDEX events_calls_by_ticket;
UPDATE events SET payload = json_set(payload, '$.ticket.prefix', substr(
    json_extract(payload, '$.ticket.displayNumber'), 1,
    instr(json_extract(payload, '$.ticket.displayNumber'), '-') - 1))
  WHERE type IN ('TicketIssued', 'LateTicketExpired') AND json_type(payload, '$.ticket.prefix') IS NULL;
`;
