import type { IpcHandlers } from '@antre/electron-shell';
import type { PriorityGroup } from '@antre/shared';
import { MAX_VISIT_LEGS, PRIORITY_GROUPS } from '@antre/shared';
import type {
  CheckInEntry,
  EnrolRequest,
  IssueRequest,
  KioskLanguage,
  KioskSnapshot,
} from '../core/kiosk-backend.js';
import type { VisitChoice } from '../core/issue-command.js';
import { KIOSK_CHANNELS } from '../core/kiosk-bridge.js';
import type { KioskController } from './kiosk-controller.js';

const ID = /^[A-Za-z0-9-]{1,64}$/;

function lang(value: unknown): KioskLanguage {
  return value === 'en' ? 'en' : 'id';
}

function ticketId(value: unknown): string {
  if (typeof value !== 'string' || !ID.test(value)) throw new Error('invalid ticket id');
  return value;
}

/** Reads an issue request from the renderer: the renderer is sandboxed, still nothing from it is trusted. */
function issueRequest(value: unknown): IssueRequest {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (typeof v['serviceId'] !== 'string' || !ID.test(v['serviceId'])) throw new Error('invalid service id');
  const priority = PRIORITY_GROUPS.find((p) => p === v['priority']);
  if (priority === undefined) throw new Error('invalid priority group');
  const request: IssueRequest = {
    serviceId: v['serviceId'],
    priority: priority satisfies PriorityGroup,
    lang: lang(v['lang']),
  };
  const visit = v['visit'];
  if (visit !== undefined) request.visit = visitChoice(visit);
  return request;
}

function visitChoice(value: unknown): VisitChoice {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const ids = v['serviceIds'];
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_VISIT_LEGS)
    throw new Error('invalid visit');
  const serviceIds = ids.map((id) => {
    if (typeof id !== 'string' || !ID.test(id)) throw new Error('invalid service id');
    return id;
  });
  const choice: VisitChoice = { serviceIds };
  const packageId = v['packageId'];
  if (packageId !== undefined) {
    if (typeof packageId !== 'string' || !ID.test(packageId)) throw new Error('invalid package id');
    choice.packageId = packageId;
  }
  return choice;
}

function enrolRequest(value: unknown): EnrolRequest {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const kioskId = v['kioskId'];
  const pairingCode = v['pairingCode'];
  if (typeof kioskId !== 'string' || !ID.test(kioskId)) throw new Error('invalid kiosk id');
  if (typeof pairingCode !== 'string' || pairingCode.length > 20) throw new Error('invalid pairing code');
  const request: EnrolRequest = { kioskId, pairingCode };
  if (typeof v['hubUrl'] === 'string' && v['hubUrl'].length <= 300) request.hubUrl = v['hubUrl'];
  return request;
}

/** Reads a check-in from the renderer: a code or a NIK, short, and the ticket's language. */
function checkInEntry(value: unknown): CheckInEntry {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const text = (x: unknown): x is string => typeof x === 'string' && x.length > 0 && x.length <= 40;
  if (text(v['code'])) return { code: v['code'], lang: lang(v['lang']) };
  if (text(v['nik'])) return { nik: v['nik'], lang: lang(v['lang']) };
  throw new Error('invalid check-in');
}

/** Answers the preload's calls (see `KioskBridge`) from the controller. */
export function registerKioskIpc(ipc: IpcHandlers, controller: KioskController): void {
  ipc.handle(KIOSK_CHANNELS.behaviour, () => controller.behaviour());
  ipc.handle(KIOSK_CHANNELS.snapshot, () => controller.snapshot());
  ipc.handle(KIOSK_CHANNELS.issueTicket, (_e, request) => controller.issueTicket(issueRequest(request)));
  ipc.handle(KIOSK_CHANNELS.printOutcome, (_e, id) => controller.printOutcome(ticketId(id)));
  ipc.handle(KIOSK_CHANNELS.reprint, (_e, id, l) => controller.reprint(ticketId(id), lang(l)));
  ipc.handle(KIOSK_CHANNELS.enrol, (_e, request) => controller.enrol(enrolRequest(request)));
  ipc.handle(KIOSK_CHANNELS.checkIn, (_e, entry) => controller.checkIn(checkInEntry(entry)));
}

/**
 * Sends the window each new snapshot, at most every `everyMs`: a busy hall changes many times a second
 * and the screen needs none of the steps in between. Also every 20 s, for opening hours.
 */
export function pushSnapshots(
  controller: KioskController,
  send: (snapshot: KioskSnapshot) => void,
  everyMs = 250,
): () => void {
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    send(controller.snapshot());
  };
  const schedule = () => {
    timer ??= setTimeout(flush, everyMs);
  };
  const unsubscribe = controller.subscribe(schedule);
  const tick = setInterval(schedule, 20_000);
  return () => {
    unsubscribe();
    clearInterval(tick);
    clearTimeout(timer);
  };
}
