import { useState } from 'react';
import type { HallTimeZone, ReadonlyTicket } from '@antre/shared';
import { hallTimeText } from '@antre/shared';
import { useLanguage } from '@antre/ui';
import type { Feedback } from '../hooks/use-desk-actions.js';
import { useListKeys } from '../hooks/use-list-keys.js';
import type { HallIndex } from '../model/hall-index.js';
import { normalize } from '../model/search-text.js';
import { T, TICKET_STATUS_TEXT } from '../text/ui-text.js';
import { Modal } from './modal.js';
import { SearchField } from './search-field.js';
import '../shared/notes.css';
import './pick-list.css';
import './ticket-chip.css';

export interface PutBackDialogProps {
  noShows: ReadonlyTicket[];
  index: HallIndex;
  zone: HallTimeZone;
  feedback: Feedback | undefined;
  onPutBack: (ticket: ReadonlyTicket) => void;
  onClose: () => void;
}

/** A no-show who turns up after all: find their number, Enter, and they are first in line again. */
export function PutBackDialog(props: PutBackDialogProps) {
  const { t } = useLanguage();
  const [query, setQuery] = useState('');
  const q = normalize(query).replace(/[\s-]/g, '');
  const shown =
    q === ''
      ? props.noShows
      : props.noShows.filter((x) => normalize(x.displayNumber).replace('-', '').includes(q));
  const { active, setActive, onKeyDown } = useListKeys(shown.length);
  const chosen = shown[active];

  return (
    <Modal
      title={t(T.putBackTitle)}
      subtitle={t(T.putBackLead)}
      onClose={props.onClose}
      onConfirm={() => chosen && props.onPutBack(chosen)}
      confirmLabel={t(T.putBack)}
      confirmDisabled={!chosen}
      feedback={props.feedback}
    >
      <SearchField
        label={t(T.putBackSearch)}
        value={query}
        onChange={(q) => {
          setQuery(q);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul className="pick-list short" role="listbox" aria-label={t(T.putBackTitle)}>
        {shown.length === 0 ? <li className="empty-note">{t(T.putBackEmpty)}</li> : null}
        {shown.map((ticket, i) => {
          const service = props.index.services.get(ticket.serviceId);
          const agency = service ? props.index.agencies.get(service.agencyId) : undefined;
          return (
            <li
              key={ticket.id}
              role="option"
              aria-selected={i === active}
              className={`pick-row ${i === active ? 'selected' : ''}`}
              onMouseDown={(e) => {
                e.preventDefault();
                setActive(i);
              }}
              onDoubleClick={() => props.onPutBack(ticket)}
            >
              <span className="ticket-chip static" style={{ borderColor: agency?.color }}>
                {ticket.displayNumber}
              </span>
              <span className="pick-main">
                <strong>{service ? t(service.name) : ticket.serviceId}</strong>
                <span>{agency?.shortName}</span>
              </span>
              <span className="pick-side">
                {t(TICKET_STATUS_TEXT.no_show)}
                <small>{ticket.endedAt === undefined ? '' : hallTimeText(ticket.endedAt, props.zone)}</small>
              </span>
            </li>
          );
        })}
      </ul>
    </Modal>
  );
}
