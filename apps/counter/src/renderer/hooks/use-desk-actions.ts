import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { HubConnection } from '@antre/client';
import type {
  CounterStatus,
  DomainError,
  EventEnvelope,
  LocalizedText,
  PreviousOutcome,
  ReadonlyTicket,
} from '@antre/shared';
import type { ActionResult, DeskCommand, DeskCommands } from '../model/desk-commands.js';
import type { HallIndex } from '../model/hall-index.js';
import type { TransferTarget } from '../model/transfer-targets.js';
import { explainRefusal } from '../text/refusal-text.js';
import { serviceWithAgency } from '../text/service-names.js';
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
  const latest = p.current;
  const current = useRef(latest);
  useEffect(() => {
    current.current = latest;
  }, [latest]);

  const say = useCallback((tone: Feedback['tone'], text: LocalizedText) => {
    seq.current += 1;
    setFeedback({ tone, text, seq: seq.current });
  }, []);
  /** The answers so far are numbered up to this: a dialog notes it when it opens. */
  const mark = useCallback(() => seq.current, []);
  /** A refusal given after `since` (inside a dialog, which showed it) is not left on the screen behind it. */
  const dropErrorsAfter = useCallback((since: number) => {
    setFeedback((f) => (f && f.tone === 'error' && f.seq > since ? undefined : f));
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
    async (type: 'finish' | 'noShow', confirm = false): Promise<ActionResult | undefined> => {
      const ticket = current.current;
      if (!ticket) return undefined;
      const n = ticket.displayNumber;
      const command =
        type === 'noShow' && confirm
          ? { type, counterId, ticketId: ticket.id, confirm }
          : { type, counterId, ticketId: ticket.id };
      const result = await commands.sendQueueable(command, n);
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
      mark,
      dropErrorsAfter,
      /** Sends one command and answers in words: for the screen's other controls (the visit's legs). */
      run,
      /** Call next; `previous` says what became of a visitor who was only called (see `decide`). */
      callNext: (previous?: { outcome: PreviousOutcome; confirm: boolean }) => {
        const ended = current.current?.displayNumber;
        return run(
          'callNext',
          previous === undefined
            ? { type: 'callNext', counterId }
            : { type: 'callNext', counterId, previous: previous.outcome, confirm: previous.confirm },
          (ev) => {
            const called = fill(T.okCalled, { n: numberOf(ev, 'TicketCalled'), c: counterName });
            if (previous?.outcome !== 'noShow' || ended === undefined) return called;
            const noShow = fill(T.okNoShow, { n: ended });
            return { id: `${noShow.id} ${called.id}`, en: `${noShow.en} ${called.en}` };
          },
        );
      },
      recall: () => {
        const n = current.current?.displayNumber ?? '';
        return run('recall', { type: 'recall', counterId }, () => fill(T.okRecalled, { n }));
      },
      startServing: () => {
        const n = current.current?.displayNumber ?? '';
        return run('startServing', { type: 'startServing', counterId }, () => fill(T.okServing, { n }));
      },
      finish: () => settle('finish'),
      /** A no-show; `confirm` when the hall's safeguards call it early and staff confirmed. */
      noShow: (confirm = false) => settle('noShow', confirm),
      hold: () => {
        const n = current.current?.displayNumber ?? '';
        return run('hold', { type: 'hold', counterId }, () => fill(T.okHeld, { n }));
      },
      transfer: (target: TransferTarget, how: { front: boolean; note: string; confirm: boolean }) => {
        const n = current.current?.displayNumber ?? '';
        const command: DeskCommand = {
          type: 'transfer',
          counterId,
          ...(target.kind === 'service'
            ? { toServiceId: target.service.id }
            : { toCounterId: target.counter.id }),
          front: how.front,
          ...(how.note.trim() === '' ? {} : { note: how.note.trim() }),
          ...(how.confirm ? { confirm: true } : {}),
        };
        const to: LocalizedText =
          target.kind === 'service'
            ? serviceWithAgency(target.service.name, target.agency)
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
    [feedback, say, mark, dropErrorsAfter, run, settle, numberOf, counterId, counterName],
  );
}
