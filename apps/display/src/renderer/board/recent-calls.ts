import type { CallRecord } from '../feed/call-feed.js';

/**
 * The calls for "Panggilan sebelumnya": each ticket once (its latest call), without the ticket shown as the
 * newest call, newest first.
 */
export function previousCalls(calls: readonly CallRecord[], limit: number): CallRecord[] {
  const newest = calls[0];
  const seen = new Set<string>(newest ? [newest.ticketId] : []);
  const out: CallRecord[] = [];
  for (const call of calls.slice(1)) {
    if (out.length >= limit) break;
    if (seen.has(call.ticketId)) continue;
    seen.add(call.ticketId);
    out.push(call);
  }
  return out;
}
