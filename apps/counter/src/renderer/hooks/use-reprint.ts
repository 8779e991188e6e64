import { useCallback, useState } from 'react';
import type { HubConnection } from '@antre/client';
import type { LocalizedText } from '@antre/shared';
import { useLanguage } from '@antre/ui';
import type { PrintAlert } from '../model/print-alerts.js';
import { reprintFailureText } from '../text/print-fault-text.js';
import { T, fill } from '../text/ui-text.js';

/**
 * Reprints a ticket that did not print, on the printer of the kiosk that failed, and answers in the desk's
 * answer line, where every action answers. On success the row itself goes when the hub's `TicketReprinted`
 * arrives, so every counter drops it at once, not only this one.
 */
export function useReprint(
  conn: HubConnection,
  say: (tone: 'ok' | 'error' | 'info', text: LocalizedText) => void,
) {
  const { lang } = useLanguage();
  const [printing, setPrinting] = useState<ReadonlySet<string>>(new Set());

  const reprint = useCallback(
    async (alert: PrintAlert) => {
      const { ticket, kioskName } = alert;
      setPrinting((s) => new Set(s).add(ticket.id));
      // The visitor's language is not known here; the staff member's choice is the best guess they can change.
      const reply = await conn.request('ticket:print', {
        ticketId: ticket.id,
        kioskId: ticket.printFault.kioskId,
        lang,
      });
      setPrinting((s) => {
        const next = new Set(s);
        next.delete(ticket.id);
        return next;
      });
      if (reply.ok) {
        say('ok', fill(T.okReprinted, { n: ticket.displayNumber, k: kioskName }));
      } else {
        const { tone, text } = reprintFailureText(ticket.displayNumber, reply.error);
        say(tone, text);
      }
    },
    [conn, lang, say],
  );

  return { printing, reprint };
}
