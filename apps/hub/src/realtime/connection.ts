import type { Principal } from '@antre/shared';
import type { Logger } from '../logger.js';

/** What the hub keeps per connection (socket.io's `socket.data`). */
export interface SocketData {
  /** Who the connection acts as: set at connect, changed by sign-in, sign-out and enrolment. */
  principal: Principal;
  /** The staff session this connection holds, revoked by its sign-out. */
  sessionToken?: string;
}

/** One connection as a request handler sees it. */
export interface Connection {
  readonly data: SocketData;
  /** The client's address, as socket.io read it from the TCP connection. */
  readonly address: string;
  readonly log: Logger;
}
