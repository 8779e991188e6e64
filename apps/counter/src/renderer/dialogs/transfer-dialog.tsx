import { useEffect, useMemo, useRef, useState } from 'react';
import type { DayView, ReadonlyTicket } from '@antre/shared';
import { agencyStyle, useLanguage } from '@antre/ui';
import type { Feedback } from '../hooks/use-desk-actions.js';
import { useListKeys } from '../hooks/use-list-keys.js';
import { SearchField } from './search-field.js';
import type { HallIndex } from '../model/hall-index.js';
import type { TransferTarget } from '../model/transfer-targets.js';
import { searchTargets, transferTargets } from '../model/transfer-targets.js';
import { StatusPill } from '../desk/status-pill.js';
import { T, fill } from '../text/ui-text.js';
import { Modal } from './modal.js';
import '../shared/badges.css';
import '../shared/notes.css';
import './pick-list.css';
import './choice-rows.css';

export interface TransferDialogProps {
  state: DayView;
  version: number;
  index: HallIndex;
  counterId: string;
  ticket: ReadonlyTicket;
  feedback: Feedback | undefined;
  onTransfer: (target: TransferTarget, front: boolean) => void;
  onClose: () => void;
}

/** Sends the current visitor on: type to find a service or a counter anywhere in the hall, Enter to send. */
export function TransferDialog(props: TransferDialogProps) {
  const { state, version, index, counterId, ticket } = props;
  const { t } = useLanguage();
  const [query, setQuery] = useState('');
  const [front, setFront] = useState(true);
  // The state is mutated in place: `version` marks its changes, so the counts follow the queue.
  const targets = useMemo(
    () => transferTargets(state, index, counterId, ticket),
    [state, version, index, counterId, ticket.id, ticket.serviceId],
  );
  const shown = useMemo(() => searchTargets(targets, query, index), [targets, query, index]);
  const { active, setActive, onKeyDown } = useListKeys(shown.length);
  const chosen = shown[active];
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active, shown]);

  const from = index.services.get(ticket.serviceId);
  const firstCounter = shown.findIndex((x) => x.kind === 'counter');

  return (
    <Modal
      wide
      title={t(fill(T.transferTitle, { n: ticket.displayNumber }))}
      subtitle={from ? `${t(T.currentService)}: ${from.prefix} · ${t(from.name)}` : undefined}
      onClose={props.onClose}
      onConfirm={() => chosen && props.onTransfer(chosen, front)}
      confirmLabel={t(T.transfer)}
      confirmDisabled={!chosen}
      feedback={props.feedback}
    >
      <SearchField
        label={t(T.transferSearch)}
        value={query}
        onChange={(q) => {
          setQuery(q);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul className="pick-list" role="listbox" ref={list} aria-label={t(T.transfer)}>
        {shown.length === 0 ? <li className="empty-note">{t(T.transferNoMatch)}</li> : null}
        {shown.map((target, i) => (
          <TargetRow
            key={target.key}
            target={target}
            index={index}
            selected={i === active}
            heading={
              i === 0 && target.kind === 'service'
                ? T.servicesHeading
                : i === firstCounter
                  ? T.countersHeading
                  : undefined
            }
            onSelect={() => setActive(i)}
            onConfirm={() => props.onTransfer(target, front)}
          />
        ))}
      </ul>
      <label className="check-row">
        <input type="checkbox" checked={front} onChange={(e) => setFront(e.target.checked)} />
        <span>{t(T.transferFront)}</span>
      </label>
    </Modal>
  );
}

function TargetRow(props: {
  target: TransferTarget;
  index: HallIndex;
  selected: boolean;
  heading: { id: string; en: string } | undefined;
  onSelect: () => void;
  onConfirm: () => void;
}) {
  const { t } = useLanguage();
  const { target } = props;
  const color = target.agency?.color;
  return (
    <>
      {props.heading ? (
        <li className="pick-heading" role="presentation">
          {t(props.heading)}
        </li>
      ) : null}
      <li
        role="option"
        aria-selected={props.selected}
        className={`pick-row ${props.selected ? 'selected' : ''}`}
        onMouseDown={(e) => {
          e.preventDefault();
          props.onSelect();
        }}
        onDoubleClick={props.onConfirm}
      >
        {target.kind === 'service' ? (
          <>
            <span className="prefix-badge" style={agencyStyle(color)}>
              {target.service.prefix}
            </span>
            <span className="pick-main">
              <strong>{t(target.service.name)}</strong>
              <span>{target.agency?.shortName}</span>
            </span>
            <span className="pick-side">
              {t(fill(T.waitingShort, { n: target.waiting }))}
              <small>
                {target.openCounters > 0
                  ? t(fill(T.countersOpenShort, { n: target.openCounters }))
                  : t(T.noCounterOpen)}
              </small>
            </span>
          </>
        ) : (
          <>
            <span className="counter-badge" style={agencyStyle(color)}>
              {target.counter.name}
            </span>
            <span className="pick-main">
              <strong>{t(fill(T.counterN, { n: target.counter.name }))}</strong>
              <span>
                {target.agency?.shortName} ·{' '}
                {t(props.index.services.get(target.serviceId)?.name ?? { id: '', en: '' })}
              </span>
            </span>
            <span className="pick-side">
              <StatusPill status={target.status} />
            </span>
          </>
        )}
      </li>
    </>
  );
}
