import { useEffect, useMemo, useRef, useState } from 'react';
import type { DayView, ReadonlyTicket } from '@antre/shared';
import { TRANSFER_NOTE_MAX, transferNoteSchema } from '@antre/shared';
import { agencyStyle, useLanguage } from '@antre/ui';
import type { Feedback } from '../hooks/use-desk-actions.js';
import { useListKeys } from '../hooks/use-list-keys.js';
import { SearchField } from './search-field.js';
import type { HallIndex } from '../model/hall-index.js';
import type { TransferTarget } from '../model/transfer-targets.js';
import { searchTargets, transferTargets } from '../model/transfer-targets.js';
import { StatusPill } from '../desk/status-pill.js';
import { agencyBeside, serviceWithAgency } from '../text/service-names.js';
import { T, fill } from '../text/ui-text.js';
import { Modal } from './modal.js';
import '../shared/badges.css';
import '../shared/notes.css';
import './pick-list.css';
import './choice-rows.css';
import '../shared/text-field.css';

/** How the ticket goes: to the front or back, with a note for the next counter, confirmed if all is closed. */
export interface TransferHow {
  front: boolean;
  note: string;
  confirm: boolean;
}

export interface TransferDialogProps {
  state: DayView;
  version: number;
  index: HallIndex;
  counterId: string;
  ticket: ReadonlyTicket;
  feedback: Feedback | undefined;
  onTransfer: (target: TransferTarget, how: TransferHow) => void;
  onClose: () => void;
}

/**
 * Sends the current visitor on: type to find a service or a counter anywhere in the hall, Enter to send. A
 * target whose every counter is closed takes a second Enter after a warning; a note may travel along.
 */
export function TransferDialog(props: TransferDialogProps) {
  const { state, version, index, counterId, ticket } = props;
  const { t } = useLanguage();
  const [query, setQuery] = useState('');
  const [front, setFront] = useState(true);
  const [note, setNote] = useState('');
  /** The closed target the staff member was warned about: Enter again sends the visitor there. */
  const [warnedFor, setWarnedFor] = useState<string | undefined>();
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
  const noteError =
    note.trim() === '' || transferNoteSchema.safeParse(note).success
      ? undefined
      : note.trim().length > TRANSFER_NOTE_MAX
        ? fill(T.transferNoteTooLong, { max: TRANSFER_NOTE_MAX })
        : T.transferNoteDigits;
  const warned = chosen?.closed === true && warnedFor === chosen.key ? chosen : undefined;
  const send = (target: TransferTarget) => {
    if (noteError) return;
    if (target.closed && warnedFor !== target.key) {
      setWarnedFor(target.key);
      return;
    }
    props.onTransfer(target, { front, note, confirm: target.closed });
  };

  return (
    <Modal
      wide
      title={t(fill(T.transferTitle, { n: ticket.displayNumber }))}
      subtitle={from ? `${t(T.currentService)}: ${from.prefix} · ${t(from.name)}` : undefined}
      onClose={props.onClose}
      onConfirm={() => chosen && send(chosen)}
      confirmLabel={t(warned ? T.transferAnyway : T.transfer)}
      confirmDisabled={!chosen || noteError !== undefined}
      danger={warned !== undefined}
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
      <ul className="pick-list short" role="listbox" ref={list} aria-label={t(T.transfer)}>
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
            onConfirm={() => send(target)}
          />
        ))}
      </ul>
      {warned ? (
        <p className="warn-box strong" role="alert" data-testid="transfer-closed-warning">
          {t(
            fill(T.transferClosedWarning, {
              target: targetName(warned),
              n: ticket.displayNumber,
            }),
          )}
        </p>
      ) : null}
      <label className="check-row">
        <input type="checkbox" checked={front} onChange={(e) => setFront(e.target.checked)} />
        <span>{t(T.transferFront)}</span>
      </label>
      <label className="field">
        <span>{t(T.transferNote)}</span>
        <input
          className="inline-input"
          type="text"
          spellCheck={false}
          autoComplete="off"
          maxLength={TRANSFER_NOTE_MAX + 20}
          placeholder={t(T.transferNotePlaceholder)}
          value={note}
          aria-invalid={noteError !== undefined}
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
      <p className={`field-hint ${noteError ? 'warn' : ''}`} aria-live="polite">
        {noteError
          ? t(noteError)
          : t(fill(T.transferNoteHint, { n: note.trim().length, max: TRANSFER_NOTE_MAX }))}
      </p>
    </Modal>
  );
}

/** A target as a message names it: the service with its agency once, or the counter. */
function targetName(target: TransferTarget) {
  return target.kind === 'service'
    ? serviceWithAgency(target.service.name, target.agency)
    : fill(T.counterN, { n: target.counter.name });
}

/** Under a counter: its agency and the service the ticket would join there, each named once. */
function counterServiceLine(
  target: Extract<TransferTarget, { kind: 'counter' }>,
  index: HallIndex,
  lang: 'id' | 'en',
): string {
  const service = index.services.get(target.serviceId);
  if (!service) return target.agency?.shortName ?? '';
  const agency = agencyBeside(service.name, target.agency, lang);
  return agency === undefined ? service.name[lang] : `${agency} · ${service.name[lang]}`;
}

function TargetRow(props: {
  target: TransferTarget;
  index: HallIndex;
  selected: boolean;
  heading: { id: string; en: string } | undefined;
  onSelect: () => void;
  onConfirm: () => void;
}) {
  const { t, lang } = useLanguage();
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
              <span>{agencyBeside(target.service.name, target.agency, lang)}</span>
            </span>
            <span className="pick-side">
              {t(fill(T.waitingShort, { n: target.waiting }))}
              <small className={target.closed ? 'closed-note' : ''}>
                {target.openCounters > 0
                  ? t(fill(T.countersOpenShort, { n: target.openCounters }))
                  : target.closed
                    ? t(T.noCounterOpen)
                    : t(T.countersOnBreak)}
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
              <span>{counterServiceLine(target, props.index, lang)}</span>
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
