import { useState } from 'react';
import type { ReadonlyTicket } from '@antre/shared';
import { agencyStyle, useLanguage } from '@antre/ui';
import type { Feedback } from '../hooks/use-desk-actions.js';
import type { HallIndex } from '../model/hall-index.js';
import { initials, normalize } from '../model/search-text.js';
import type { VisitOffer } from '../model/visit-actions.js';
import { serviceWithAgency } from '../text/service-names.js';
import { fill } from '../text/ui-text.js';
import { VISIT_TEXT } from '../text/visit-text.js';
import { Modal } from './modal.js';
import { SearchField } from './search-field.js';
import './pick-list.css';
import './add-leg-dialog.css';

export interface AddLegDialogProps {
  ticket: ReadonlyTicket;
  index: HallIndex;
  /** One offer per service the visit does not hold yet, each with the hub's verdict. */
  offers: VisitOffer[];
  feedback: Feedback | undefined;
  onAdd: (offer: VisitOffer, serviceId: string) => void;
  onClose: () => void;
}

/**
 * The citizen found another need at the desk: staff pick the service and the same number joins its queue
 * after this counter. Services the hub would refuse (closed, quota used up) are listed, disabled, with why.
 */
export function AddLegDialog(props: AddLegDialogProps) {
  const { t, lang } = useLanguage();
  const [query, setQuery] = useState('');
  const q = normalize(query.trim());
  const rows = props.offers.flatMap((offer) => {
    if (offer.command.type !== 'addVisitLeg') return [];
    const service = props.index.services.get(offer.command.serviceId);
    if (!service) return [];
    const agency = props.index.agencies.get(service.agencyId);
    const name = serviceWithAgency(service.name, agency);
    const text = normalize(`${name.id} ${name.en}`);
    if (q !== '' && !text.includes(q) && !initials(service.name[lang]).startsWith(q)) return [];
    return [{ offer, service, agency, name }];
  });
  return (
    <Modal
      title={t(fill(VISIT_TEXT.addLegTitle, { n: props.ticket.displayNumber }))}
      subtitle={t(VISIT_TEXT.addLegLead)}
      onClose={props.onClose}
      feedback={props.feedback}
      wide
    >
      <SearchField label={t(VISIT_TEXT.addLegSearch)} value={query} onChange={setQuery} />
      <ul className="pick-list add-leg-list" aria-label={t(VISIT_TEXT.addLeg)}>
        {rows.map(({ offer, service, agency, name }) => (
          <li key={service.id}>
            <button
              type="button"
              className="add-leg-row"
              style={agencyStyle(agency?.color)}
              disabled={!offer.enabled}
              onClick={() => props.onAdd(offer, service.id)}
            >
              <strong>{t(name)}</strong>
              {offer.reason ? <small>{t(offer.reason)}</small> : null}
            </button>
          </li>
        ))}
      </ul>
    </Modal>
  );
}
