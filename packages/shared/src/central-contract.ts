import { z } from 'zod';

/**
 * The central dashboards' live feed (Socket.IO, any central node). A client keeps, per hall, the log id and
 * the last seq it has seen; after any reconnect, to whichever node, it asks `central:sync` from that cursor and
 * gets what it missed from PostgreSQL. It never relies on the connection's state surviving.
 */

/** What the feed says of each logged event: enough to count and time, nothing personal (no payload). */
export interface CentralEventSummary {
  seq: number;
  at: number;
  type: string;
}

export interface CentralLogged {
  hallId: string;
  logId: string;
  events: CentralEventSummary[];
}

/** Events per `central:sync` answer at most; a client asks again from the last one until `more` is false. */
export const CENTRAL_SYNC_LIMIT = 1000;

export const centralSyncSchema = z.strictObject({
  hallId: z.string().min(1).max(64),
  /** The log the cursor belongs to; another (or none) means: from the start of the hall's current log. */
  logId: z.string().max(64).nullable(),
  afterSeq: z.number().int().nonnegative(),
});
export type CentralSyncRequest = z.infer<typeof centralSyncSchema>;

export type CentralSyncReply =
  | { ok: true; hallId: string; logId: string; events: CentralEventSummary[]; more: boolean }
  | { ok: false; error: string };

/**
 * What a socket without a session (the public page) hears when a hall ships: which hall and how far its log
 * now goes. Nothing else: the page then reloads its figures.
 */
export interface CentralHallMoved {
  hallId: string;
  seq: number;
}

export interface CentralServerToClient {
  /** Events a hall just shipped, to every dashboard allowed to see that hall. */
  'central:logged': (logged: CentralLogged) => void;
  /** A hall shipped events, to every socket connected without a session (the public page). */
  'central:moved': (moved: CentralHallMoved) => void;
}

export interface CentralClientToServer {
  'central:sync': (request: CentralSyncRequest, reply: (answer: CentralSyncReply) => void) => void;
}
