import { useCallback, useMemo, useState, useSyncExternalStore } from 'react';
import type { HubConnection } from '@antre/client';
import type { CounterStatus, Principal, SignedInStaff, ReadonlyTicket } from '@antre/shared';
import { commandVerdict } from '@antre/shared';
import type { HubView } from '@antre/ui';
import { ConnectionBanner, useLanguage } from '@antre/ui';
import { ActionPad } from '../desk/action-pad.js';
import { CurrentTicket } from '../desk/current-ticket.js';
import { FeedbackLine } from '../desk/feedback-line.js';
import { PrintAlertsPanel } from '../desk/print-alerts-panel.js';
import { QueuePanel } from '../desk/queue-panel.js';
import { VisitPanel } from '../desk/visit-panel.js';
import { TodayPanel } from '../desk/today-panel.js';
import { TopBar } from '../desk/top-bar.js';
import { ArrivalDialog } from '../dialogs/arrival-dialog.js';
import { BreakDialog } from '../dialogs/break-dialog.js';
import { CallNumberDialog } from '../dialogs/call-number-dialog.js';
import { CloseDialog } from '../dialogs/close-dialog.js';
import { NoShowDialog } from '../dialogs/no-show-dialog.js';
import { PutBackDialog } from '../dialogs/put-back-dialog.js';
import type { SignOutChoice } from '../dialogs/sign-out-dialog.js';
import { SignOutDialog } from '../dialogs/sign-out-dialog.js';
import { TransferDialog } from '../dialogs/transfer-dialog.js';
import { AddLegDialog } from '../dialogs/add-leg-dialog.js';
import { EndVisitDialog } from '../dialogs/end-visit-dialog.js';
import { CheckInButton, CheckInDialog } from '../dialogs/check-in-dialog.js';
import { useDeskActions } from '../hooks/use-desk-actions.js';
import { useVisitActions } from '../hooks/use-visit-actions.js';
import { useHubNow } from '../hooks/use-now.js';
import { useReprint } from '../hooks/use-reprint.js';
import { useDeskShortcuts } from '../hooks/use-shortcuts.js';
import type { DeskAction } from '../model/desk-actions.js';
import { ACTION_LABELS, deskAvailability } from '../model/desk-actions.js';
import type { DeskCommands } from '../model/desk-commands.js';
import { deriveCounterView } from '../model/counter-view.js';
import type { HallIndex } from '../model/hall-index.js';
import type { HubClock } from '../model/hub-clock.js';
import { printAlerts } from '../model/print-alerts.js';
import { visitOffers } from '../model/visit-actions.js';
import { explainRefusal } from '../text/refusal-text.js';
import { T, fill } from '../text/ui-text.js';
import { SplashScreen } from './splash-screen.js';
import './desk-screen.css';

type DialogKind =
  | 'transfer'
  | 'callNumber'
  | 'putBack'
  | 'arrival'
  | 'served'
  | 'noShow'
  | 'break'
  | 'close'
  | 'signOut'
  | 'addLeg'
  | 'endVisit'
  | 'checkIn';

/** The open dialog, and the last answer given before it opened: later refusals belong to the dialog. */
interface OpenDialog {
  kind: DialogKind;
  since: number;
}

export interface DeskScreenProps {
  conn: HubConnection;
  hub: HubView;
  index: HallIndex;
  clock: HubClock;
  commands: DeskCommands;
  staff: SignedInStaff;
  counterId: string;
  onChangeCounter: () => void;
  onSignedOut: () => void;
}

/** The counter's working screen: the visitor at the counter, the nine actions, the queue and today's numbers. */
export function DeskScreen(props: DeskScreenProps) {
  const { conn, hub, index, clock, commands, staff, counterId } = props;
  const { t } = useLanguage();
  const now = useHubNow(clock);
  useSyncExternalStore(
    useCallback((onChange) => commands.subscribe(onChange), [commands]),
    () => commands.version,
  );
  // The mirror changes in place: the hub's version keys every derived list (one pass per event, not per render).
  // The next pick also depends on the time (a walk-in past the target goes before an appointment): again every
  // 5 s at most.
  const viewClock = Math.floor(now / 5000);
  const view = useMemo(
    () => (hub.state ? deriveCounterView(hub.state, index, counterId, now) : undefined),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the mirror mutates in place: its version keys the result
    [hub.state, hub.version, index, counterId, viewClock],
  );
  const alerts = useMemo(
    () => (hub.state ? printAlerts(hub.state, index, staff) : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the mirror mutates in place: its version keys the result
    [hub.state, hub.version, index, staff],
  );
  const current = view?.current;
  const settling = current ? commands.pending.find((p) => p.command.ticketId === current.id) : undefined;
  const actions = useDeskActions({ conn, commands, index, counterId, current });
  const visitActions = useVisitActions(actions.run, index, current);
  const reprints = useReprint(conn, actions.say);
  const [open, setOpen] = useState<OpenDialog | undefined>();
  const dialog = open?.kind;
  const online = hub.status === 'online';
  const principal: Principal = useMemo(() => ({ kind: 'staff', staff }), [staff]);
  const availability = hub.state
    ? deskAvailability({
        principal,
        config: index.config,
        day: hub.state,
        now,
        counterId,
        connection: hub.status,
        currentSettled: settling !== undefined,
      })
    : undefined;

  const offers =
    hub.state && current && !settling
      ? visitOffers(
          { principal, config: index.config, day: hub.state, now, counterId, connection: hub.status },
          current,
        )
      : undefined;

  const setDialog = (kind: DialogKind | undefined) => {
    if (kind === undefined) {
      // A refusal shown in the dialog does not stay behind on the desk once the dialog has gone.
      if (open) actions.dropErrorsAfter(open.since);
      setOpen(undefined);
    } else setOpen({ kind, since: actions.mark() });
  };
  const trigger = (action: DeskAction) => {
    const a = availability?.[action];
    if (!a) return;
    if (!a.enabled) {
      // A key press on an unavailable action still answers, so the keyboard is never silent.
      if (a.reason)
        actions.say(
          'info',
          fill({ id: '{a}: {r}', en: '{a}: {r}' }, { a: ACTION_LABELS[action], r: a.reason }),
        );
      return;
    }
    if (action === 'callNext' && a.asks?.code === 'VISITOR_NOT_STARTED') setDialog('arrival');
    else if (action === 'finish' && a.asks?.code === 'VISITOR_NOT_STARTED') setDialog('served');
    else if (action === 'noShow' && a.asks?.code === 'NO_SHOW_TOO_EARLY') setDialog('noShow');
    else if (action === 'transfer' || action === 'callNumber' || action === 'putBack') setDialog(action);
    else void actions[action]();
  };
  useDeskShortcuts(dialog === undefined, trigger);

  if (!view || !hub.state || !availability) {
    return <SplashScreen message={t(T.connecting)} status={hub.status} />;
  }
  const day = hub.state;

  const closeAfter = (result: { status: string } | undefined) => {
    if (result?.status === 'done') setDialog(undefined);
  };
  // A call next that says the visitor did not come meets the no-show safeguards: is it early?
  const earlyNoShow =
    dialog === 'arrival' || dialog === 'served'
      ? commandVerdict(
          principal,
          dialog === 'arrival'
            ? { type: 'callNext', counterId, previous: 'noShow' }
            : { type: 'noShow', counterId, ...(current ? { ticketId: current.id } : {}) },
          { config: index.config, day, now },
        )
      : undefined;
  // Refusals inside a dialog are shown there, once: the desk's line does not repeat them behind it.
  const deskFeedback =
    open && actions.feedback?.tone === 'error' && actions.feedback.seq > open.since
      ? undefined
      : actions.feedback;
  const blockedByCurrent = (): boolean => {
    if (!current) return false;
    actions.say('error', fill(T.handleCurrentFirst, { n: current.displayNumber }));
    return true;
  };
  const chooseStatus = (status: CounterStatus) => {
    if (status === 'open') {
      void actions.setStatus('open');
      return;
    }
    // A break or a close with a visitor at the desk is the hub's to refuse: ask it before the dialog opens.
    const refusal = commandVerdict(
      principal,
      { type: 'setCounterStatus', counterId, status },
      { config: index.config, day, now },
    );
    if (refusal?.code === 'COUNTER_BUSY')
      actions.say('error', explainRefusal(refusal, { state: day, index }));
    else if (status === 'paused') setDialog('break');
    else if (view.waitingTotal > 0) setDialog('close');
    else void actions.setStatus('closed');
  };
  const otherOpen = index.config.counters.filter(
    (c) =>
      c.id !== counterId &&
      hub.state?.counters[c.id]?.status === 'open' &&
      c.serviceIds.some((s) => view.counter.serviceIds.includes(s)),
  ).length;

  const signOut = async (choice: SignOutChoice) => {
    setDialog(undefined);
    const ticket = current;
    if (ticket && choice.current === 'finish') {
      const r = await actions.finish();
      if (r?.status === 'refused') return;
    }
    if (ticket && choice.current === 'return') {
      // Not a visitor who failed to come: returned to the queue at once, so no safeguard applies.
      const r = await actions.noShow(true);
      if (r?.status !== 'done') return;
      if ((await actions.putBack(ticket)).status !== 'done') return;
    }
    if (choice.closeCounter && (await actions.setStatus('closed')).status !== 'done') return;
    // Offline the hub cannot be told; the session then simply expires there.
    await conn.request('staff:signOut', {});
    props.onSignedOut();
  };

  const offlineDetail =
    commands.pending.length > 0
      ? fill(
          { id: '{a} ({b})', en: '{a} ({b})' },
          { a: T.offlineDetail, b: fill(T.queuedCount, { n: commands.pending.length }) },
        )
      : T.offlineDetail;

  return (
    <div className={`desk ${online ? '' : 'offline'}`}>
      <ConnectionBanner status={hub.status} detail={offlineDetail} />
      <TopBar
        view={view}
        staff={staff}
        now={now}
        zone={index.config.hall.timeZone}
        online={online}
        onStatus={chooseStatus}
        onChangeCounter={() => {
          if (!blockedByCurrent()) props.onChangeCounter();
        }}
        onSignOut={() => setDialog('signOut')}
      />
      <main className="desk-main">
        <div className="desk-left">
          <CurrentTicket
            view={view}
            index={index}
            now={now}
            online={online}
            settling={settling}
            onOpen={() => void actions.setStatus('open')}
          />
          <FeedbackLine feedback={deskFeedback} />
          <ActionPad
            availability={availability}
            busy={(a) =>
              commands.isBusy(a) || (current !== undefined && commands.isBusy(`${a}:${current.id}`))
            }
            online={online}
            currentNumber={settling ? undefined : current?.displayNumber}
            onAction={trigger}
          />
        </div>
        <aside className="desk-right">
          <PrintAlertsPanel
            alerts={alerts}
            now={now}
            online={online}
            printing={reprints.printing}
            onReprint={(alert) => void reprints.reprint(alert)}
          />
          {current ? (
            <VisitPanel
              state={hub.state}
              index={index}
              ticket={current}
              now={now}
              controls={
                offers && {
                  offers,
                  onAdd: () => setDialog('addLeg'),
                  onEnd: () => setDialog('endVisit'),
                  onSkip: (offer, leg) => void visitActions.skipLeg(offer, leg),
                  onReorder: (offer) => void visitActions.reorder(offer),
                }
              }
            />
          ) : null}
          {view.counter.serviceIds.some((id) => index.services.get(id)?.booking) ? (
            <CheckInButton onOpen={() => setDialog('checkIn')} />
          ) : null}
          <QueuePanel
            view={view}
            index={index}
            now={now}
            canCallHeld={availability.callNumber.enabled}
            onCallHeld={(ticket: ReadonlyTicket) => void actions.callNumber(ticket.id)}
          />
          <TodayPanel view={view} />
        </aside>
      </main>

      {dialog === 'transfer' && current ? (
        <TransferDialog
          state={hub.state}
          version={hub.version}
          index={index}
          counterId={counterId}
          ticket={current}
          feedback={actions.feedback}
          onTransfer={(target, how) => void actions.transfer(target, how).then(closeAfter)}
          onClose={() => setDialog(undefined)}
        />
      ) : null}
      {dialog === 'callNumber' ? (
        <CallNumberDialog
          state={hub.state}
          index={index}
          principal={principal}
          counterId={counterId}
          now={now}
          held={view.held}
          feedback={actions.feedback}
          onCall={(ref) => void actions.callNumber(ref).then(closeAfter)}
          onClose={() => setDialog(undefined)}
        />
      ) : null}
      {dialog === 'arrival' && current ? (
        <ArrivalDialog
          ticket={current}
          now={now}
          question="callNext"
          earlyNoShow={earlyNoShow?.code === 'NO_SHOW_TOO_EARLY' ? earlyNoShow : undefined}
          feedback={actions.feedback}
          onStart={() => void actions.startServing().then(closeAfter)}
          onNoShow={(confirm) => void actions.callNext({ outcome: 'noShow', confirm }).then(closeAfter)}
          onClose={() => setDialog(undefined)}
        />
      ) : null}
      {dialog === 'served' && current ? (
        <ArrivalDialog
          ticket={current}
          now={now}
          question="finish"
          earlyNoShow={earlyNoShow?.code === 'NO_SHOW_TOO_EARLY' ? earlyNoShow : undefined}
          feedback={actions.feedback}
          onStart={() => void actions.startServing().then(closeAfter)}
          onFinish={() => void actions.finish().then(closeAfter)}
          onNoShow={(confirm) => void actions.noShow(confirm).then(closeAfter)}
          onClose={() => setDialog(undefined)}
        />
      ) : null}
      {dialog === 'noShow' && current && availability.noShow.asks ? (
        <NoShowDialog
          ticket={current}
          early={availability.noShow.asks}
          feedback={actions.feedback}
          onConfirm={() => void actions.noShow(true).then(closeAfter)}
          onClose={() => setDialog(undefined)}
        />
      ) : null}
      {dialog === 'addLeg' && current && offers ? (
        <AddLegDialog
          ticket={current}
          index={index}
          offers={offers.add}
          feedback={actions.feedback}
          onAdd={(offer, serviceId) => void visitActions.addLeg(offer, serviceId).then(closeAfter)}
          onClose={() => setDialog(undefined)}
        />
      ) : null}
      {dialog === 'endVisit' && current && offers ? (
        <EndVisitDialog
          ticket={current}
          index={index}
          feedback={actions.feedback}
          onConfirm={() => void visitActions.endVisit(offers.end).then(closeAfter)}
          onClose={() => setDialog(undefined)}
        />
      ) : null}
      {dialog === 'putBack' ? (
        <PutBackDialog
          noShows={view.noShows}
          index={index}
          zone={index.config.hall.timeZone}
          feedback={actions.feedback}
          onPutBack={(ticket) => void actions.putBack(ticket).then(closeAfter)}
          onClose={() => setDialog(undefined)}
        />
      ) : null}
      {dialog === 'break' ? (
        <BreakDialog
          feedback={actions.feedback}
          onPause={(reason) => void actions.setStatus('paused', reason).then(closeAfter)}
          onClose={() => setDialog(undefined)}
        />
      ) : null}
      {dialog === 'close' ? (
        <CloseDialog
          waiting={view.waitingTotal}
          otherOpen={otherOpen}
          onConfirm={() => void actions.setStatus('closed').then(closeAfter)}
          onClose={() => setDialog(undefined)}
        />
      ) : null}
      {dialog === 'checkIn' ? (
        <CheckInDialog conn={conn} index={index} onClose={() => setDialog(undefined)} />
      ) : null}
      {dialog === 'signOut' ? (
        <SignOutDialog
          counterName={view.counter.name}
          current={current}
          online={online}
          counterOpen={view.status.status !== 'closed'}
          onSignOut={(choice) => void signOut(choice)}
          onClose={() => setDialog(undefined)}
        />
      ) : null}
    </div>
  );
}
