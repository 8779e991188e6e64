import { Decoder, Encoder, PacketType } from 'socket.io-parser';
import type { Packet } from 'socket.io-parser';

/**
 * The event name of a frame the standard decoder refuses but that carries an ack id (a reserved event name,
 * no name, non-JSON): the request gate answers it with VALIDATION_FAILED. A symbol, so no client can send it.
 */
export const REFUSED_EVENT: unique symbol = Symbol('refused event');

/** Names socket.io-parser refuses as events: they have a meaning of their own to socket.io and Node. */
const RESERVED_EVENTS = new Set([
  'connect',
  'connect_error',
  'disconnect',
  'disconnecting',
  'newListener',
  'removeListener',
]);

/**
 * socket.io-parser with two refusals turned into answers. Its decoder throws on an EVENT whose name is
 * reserved or missing, or whose payload is not JSON, and on a CONNECT whose `auth` is not an object; socket.io
 * then closes the connection without a word. Here such an EVENT with an ack id reaches the request gate as
 * `[REFUSED_EVENT, reason]` (and one without an ack id is dropped, like any message without one), and such a
 * CONNECT arrives with an empty `auth`, which the handshake refuses with PROTOCOL_MISMATCH. Everything else,
 * binary attachments included, goes through the standard decoder unchanged; docs/protocol.md §4.1 lists the
 * frames that still close the connection.
 */
export class HubDecoder extends Decoder {
  /** A binary event's header came: its attachments follow, and text in between is a protocol error. */
  private awaitingAttachments = false;

  constructor() {
    super();
    this.on('decoded', () => {
      this.awaitingAttachments = false;
    });
  }

  override add(data: unknown): void {
    if (typeof data !== 'string' || this.awaitingAttachments) {
      super.add(data);
      return;
    }
    try {
      super.add(data);
    } catch (err) {
      const answer = standIn(data);
      if (answer === undefined) throw err;
      if (answer !== 'drop') this.emitReserved('decoded', answer);
      return;
    }
    const type = Number(data.charAt(0));
    if (type === PacketType.BINARY_EVENT || type === PacketType.BINARY_ACK) this.awaitingAttachments = true;
  }
}

/** The parser the hub's Socket.IO server uses: the standard encoder, the decoder above. */
export const hubParser = { Encoder, Decoder: HubDecoder };

/**
 * What to hand on instead of a text frame the standard decoder refused: a packet, `drop` for an event that
 * cannot be answered (no ack id), or undefined to let the refusal close the connection.
 */
function standIn(frame: string): Packet | 'drop' | undefined {
  const header = /^([02])(?:(\/[^,]*),)?(\d*)/.exec(frame);
  if (!header) return undefined;
  const [whole, type, nsp = '/', id] = header;
  if (type === '0') return { type: PacketType.CONNECT, nsp, data: {} };
  if (!id) return 'drop';
  return {
    type: PacketType.EVENT,
    nsp,
    id: Number(id),
    data: [REFUSED_EVENT, whyRefused(frame.slice(whole.length))],
  };
}

function whyRefused(payload: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return 'the frame is not a JSON array';
  }
  if (!Array.isArray(parsed)) return 'the frame is not a JSON array';
  const [name]: unknown[] = parsed;
  if (name === undefined) return 'the frame names no event';
  if (typeof name === 'string' && RESERVED_EVENTS.has(name)) return `the event name ${name} is reserved`;
  return 'the event name is not a string';
}
