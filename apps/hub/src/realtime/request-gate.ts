import type { Failure, ParsedRequest, ReplyOf, RequestEvent } from '@antre/shared';
import { domainError, isRequestEvent, requestSchemas } from '@antre/shared';
import type { z } from 'zod';
import type { TokenBucket } from '../auth/token-bucket.js';
import type { Connection } from './connection.js';
import { REFUSED_EVENT } from './packet-decoder.js';
import type { RequestHandlers } from './request-handlers.js';

/** The contract's schemas, seen as one per event: what lets a generic event pick its schema and its handler. */
const schemas: { [E in RequestEvent]: z.ZodType<ParsedRequest<E>> } = requestSchemas;

/**
 * Every message of one connection passes here, and is answered here: floods refused, unknown and refused
 * events answered, the payload checked against its schema, the handler run, nothing thrown. It never hands a
 * message on to socket.io's listeners, so no event name, reserved or not, reaches anything else.
 */
export function requestGate(
  connection: Connection,
  handlers: RequestHandlers,
  messageLimiter: TokenBucket,
  connectionId: string,
): (message: unknown[]) => void {
  return ([event, ...args]) => {
    const ack = args.at(-1);
    const answer = typeof ack === 'function' ? (reply: unknown): void => void ack(reply) : undefined;
    if (!messageLimiter.take(connectionId)) {
      answer?.(failure('RATE_LIMITED', 'too many messages'));
      return;
    }
    if (event === REFUSED_EVENT) {
      answer?.(failure('VALIDATION_FAILED', String(args[0])));
      return;
    }
    if (!isRequestEvent(event)) {
      answer?.(failure('VALIDATION_FAILED', `unknown event ${String(event).slice(0, 40)}`));
      return;
    }
    if (!answer) return; // every request takes an ack; one without cannot be answered
    if (args.length > 2) {
      answer(failure('VALIDATION_FAILED', 'send one payload and an ack'));
      return;
    }
    void dispatch(event, args.length === 2 ? (args[0] ?? {}) : {}, connection, handlers, answer);
  };
}

async function dispatch<E extends RequestEvent>(
  event: E,
  payload: unknown,
  connection: Connection,
  handlers: RequestHandlers,
  answer: (reply: ReplyOf<E> | Failure) => void,
): Promise<void> {
  try {
    const parsed = schemas[event].safeParse(payload);
    if (!parsed.success) {
      answer(failure('VALIDATION_FAILED', parsed.error.issues[0]?.message ?? 'invalid'));
      return;
    }
    answer(await handlers[event](parsed.data, connection));
  } catch (err) {
    connection.log.error({ err, event }, 'handler failed');
    answer(failure('INTERNAL', 'the hub could not complete this request'));
  }
}

function failure(...error: Parameters<typeof domainError>): Failure {
  return { ok: false, error: domainError(...error) };
}
