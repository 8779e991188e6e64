import { useMemo } from 'react';
import type { LocalizedText, ReadonlyTicket } from '@antre/shared';
import type { ActionResult, DeskCommand } from '../model/desk-commands.js';
import type { HallIndex } from '../model/hall-index.js';
import type { VisitOffer } from '../model/visit-actions.js';
import { fill } from '../text/ui-text.js';
import { VISIT_TEXT } from '../text/visit-text.js';
import type { useDeskActions } from './use-desk-actions.js';

type Run = ReturnType<typeof useDeskActions>['run'];

/** The visit's controls as the screen triggers them: each sends its offer's command and says how it went. */
export function useVisitActions(run: Run, index: HallIndex, ticket: ReadonlyTicket | undefined) {
  return useMemo(() => {
    const n = ticket?.displayNumber ?? '';
    const serviceName = (serviceId: string): LocalizedText =>
      index.services.get(serviceId)?.name ?? { id: serviceId, en: serviceId };
    const legService = (leg: number) => serviceName(ticket?.visit?.legs[leg]?.serviceId ?? '');
    const send = (offer: VisitOffer, text: LocalizedText, vars: Record<string, LocalizedText> = {}) =>
      run(offer.command.type, offer.command as DeskCommand, () => fill(text, { n, ...vars }));
    return {
      addLeg: (offer: VisitOffer, serviceId: string): Promise<ActionResult> =>
        send(offer, VISIT_TEXT.okAdded, { s: serviceName(serviceId) }),
      skipLeg: (offer: VisitOffer, leg: number): Promise<ActionResult> =>
        send(offer, VISIT_TEXT.okSkipped, { s: legService(leg) }),
      reorder: (offer: VisitOffer): Promise<ActionResult> => send(offer, VISIT_TEXT.okReordered),
      endVisit: (offer: VisitOffer): Promise<ActionResult> => send(offer, VISIT_TEXT.okEnded),
    };
  }, [run, index, ticket]);
}
