import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { HubConnection } from '@antre/client';
import type { CounterStatus, DomainError, EventEnvelope, LocalizedText, ReadonlyTicket } from '@antre/shared';
import type { ActionResult, DeskCommand, DeskCommands } from '../model/desk-commands.js';
import type { HallIndex } from '../model/hall-index.js';
import type { TransferTarget } from '../model/transfer-targets.js';
import { explainRefusal } from '../text/refusal-text.js';
import { T, breakReasonText, fill } from '../text/ui-text.js';

export interface Feedback {
  tone: 'ok' | 'error' | 'info';
  text: LocalizedText;
  /** Tells two equal messages apart, so the second still shows as new. */
  seq: number;
}

const STATUS_TEXT: Record<CounterStatus, LocalizedText> = {
  open: T.statusOpen,
  paused: T.statusPaused,
  closed: T.statusClosed,
};

/**
 * The counter's actions as the screen triggers them: each sends its command and answers in words,
 * the success in a line, a refusal with the hub's reason and what exactly stood in the way.
 */
export function useDeskActions(p: {
  conn: HubConnection;
  commands: DeskCommands;
  index: HallIndex;
  counterId: string;
  current: ReadonlyTicket | undefined;
}) {
  const { conn, commands, index, counterId } = p;
  const [feedback, setFeedback] = useState<Feedback | undefined>();
  const seq = useRef(0);
  const counterName = index.counters.get(counterId)?.name ?? counterId;
  // The latest current ticket, for handlers that outlive a render (a late answer, a key press).
  const current = useRef(p.current);
  useEffect(() => {
    current.current = p.current;
  }, [p.current]);

  const say = useCallback((tone: Feedback['tone'], text: LocalizedText) => {
    seq.current += 1;
    setFeedback({ tone, text, seq: seq.current });
  }, []);
  const refuse = useCallback(
    (error: DomainError, ticketRef?: string) =>
      say(
        'error',
        explainRefusal(error, {
          state: conn.state,
          index,
          counterId,
          ...(ticketRef === undefined ? {} : { ticketRef }),
        }),
      ),
    [say, conn, index, counterId],
  );

  const numberOf = useCallback(
    (events: EventEnvelope[], type: 'TicketCalled' | 'TicketPutBack' | 'TicketTransferred'): string => {
      for (const e of events) {
        if (e.event.type === type) return conn.state?.tickets[e.event.ticketId]?.displayNumber ?? '';
      }
      return '';
    },
    [conn],
  );

  const run = useCallback(
    async (
      key: string,
      command: DeskCommand,
      success: (events: EventEnvelope[]) => LocalizedText,
      ticketRef?: string,
    ): Promise<ActionResult> => {
      const result = await commands.send(key, command);
      if (result.status === 'done') say('ok', success(result.events));
      else if (result.status === 'refused') refuse(result.error, ticketRef);
      return result;
    },
    [commands, say, refuse],
  );

  const settle = useCallback(
    async (type: 'finish' | 'noShow'): Promise<ActionResult | undefined> => {
      const ticket = current.current;
      if (!ticket) return undefined;
      const n = ticket.displayNumber;
      const result = await commands.sendQueueable({ type, counterId, ticketId: ticket.id }, n);
      const label = type === 'finish' ? T.finish : T.noShow;
      if (result.status === 'done') say('ok', fill(type === 'finish' ? T.okFinished : T.okNoShow, { n }));
      else if (result.status === 'queued') say('info', fill(T.queuedOffline, { n, a: label }));
      else if (result.status === 'refused') refuse(result.error, ticket.id);
      return result;
    },
    [commands, counterId, say, refuse],
  );

  // A finish or no-show made offline is answered after the reconnect: say how it went.
  useEffect(
    () =>
      commands.onLate(({ action, result }) => {
        const label = action.command.type === 'finish' ? T.finish : T.noShow;
        if (result.status === 'done')
          say('ok', fill(T.sentAfterReconnect, { a: label, n: action.displayNumber }));
        else if (result.status === 'refused') refuse(result.error, action.command.ticketId);
      }),
    [commands, say, refuse],
  );

  return useMemo(
    () => ({
      feedback,
      say,
      callNext: () =>
        run('callNext', { type: 'callNext', counterId }, (ev) =>
          fill(T.okCalled, { n: numberOf(ev, 'TicketCalled'), c: counterName }),
        ),
      recall: () => {
        const n = current.current?.displayNumber ?? '';
        return run('recall', { type: 'recall', counterId }, () => fill(T.okRecalled, { n }));
      },
      startServing: () => {
        const n = current.current?.displayNumber ?? '';
        return run('startServing', { type: 'startServing', counterId }, () => fill(T.okServing, { n }));
      },
      finish: () => settle('finish'),
      noShow: () => settle('noShow'),
      hold: () => {
        const n = current.current?.displayNumber ?? '';
        return run('hold', { type: 'hold', counterId }, () => fill(T.okHeld, { n }));
      },
      transfer: (target: TransferTarget, front: boolean) => {
        const n = current.current?.displayNumber ?? '';
        const command: DeskCommand =
          target.kind === 'service'
            ? { type: 'transfer', counterId, toServiceId: target.service.id, front }
            : { type: 'transfer', counterId, toCounterId: target.counter.id, front };
        const to: LocalizedText =
          target.kind === 'service'
            ? fill(
                { id: '{s} ({a})', en: '{s} ({a})' },
                { s: target.service.name, a: target.agency?.shortName ?? '' },
              )
            : fill(T.counterN, { n: target.counter.name });
        return run('transfer', command, () => fill(T.okTransferred, { n, to }));
      },
      callNumber: (ref: string) =>
        run(
          'callNumber',
          { type: 'callTicket', counterId, ticket: ref },
          (ev) => fill(T.okCalled, { n: numberOf(ev, 'TicketCalled'), c: counterName }),
          ref,
        ),
      putBack: (ticket: ReadonlyTicket) =>
        run(
          'putBack',
          { type: 'putBack', counterId, ticket: ticket.id },
          () => fill(T.okPutBack, { n: ticket.displayNumber }),
          ticket.id,
        ),
      setStatus: (status: CounterStatus, reason?: string) =>
        run(
          'status',
          {
            type: 'setCounterStatus',
            counterId,
            status,
            ...(reason === undefined ? {} : { reason }),
          },
          () => {
            const why = breakReasonText(reason);
            return fill(T.okStatus, {
              s: why
                ? { id: `${STATUS_TEXT[status].id} (${why.id})`, en: `${STATUS_TEXT[status].en} (${why.en})` }
                : STATUS_TEXT[status],
            });
          },
        ),
    }),
    [feedback, say, run, settle, numberOf, counterId, counterName],
  );
}
