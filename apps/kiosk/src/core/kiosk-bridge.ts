import type { AntreBridge } from '@antre/electron-shell/bridge';
import type { Reply } from '@antre/shared';
import type {
  CheckInEntry,
  CheckInResult,
  EnrolRequest,
  IssueRequest,
  IssueResult,
  KioskBehaviour,
  KioskLanguage,
  KioskSnapshot,
  PrintOutcome,
} from './kiosk-backend.js';

/**
 * What the sandboxed kiosk renderer may ask of the main process, and nothing more. The preload
 * implements it over IPC; the channel names are below.
 */
export interface KioskCalls {
  behaviour(): Promise<KioskBehaviour>;
  snapshot(): Promise<KioskSnapshot>;
  /** Called with each new snapshot the agent pushes; returns a function that stops it. */
  onSnapshot(listener: (snapshot: KioskSnapshot) => void): () => void;
  issueTicket(request: IssueRequest): Promise<IssueResult>;
  printOutcome(ticketId: string): Promise<PrintOutcome>;
  reprint(ticketId: string, lang: KioskLanguage): Promise<PrintOutcome>;
  enrol(request: EnrolRequest): Promise<Reply<object>>;
  checkIn(entry: CheckInEntry): Promise<CheckInResult>;
}

/** `window.antre` in the Electron kiosk: the shell's part and the kiosk's calls. */
export type KioskBridge = AntreBridge<'kiosk', KioskCalls>;

/** IPC channels between the preload and the main process (the preload, sandboxed, repeats them literally). */
export const KIOSK_CHANNELS = {
  behaviour: 'antre-kiosk:behaviour',
  snapshot: 'antre-kiosk:snapshot',
  snapshotPushed: 'antre-kiosk:snapshot-pushed',
  issueTicket: 'antre-kiosk:issue-ticket',
  printOutcome: 'antre-kiosk:print-outcome',
  reprint: 'antre-kiosk:reprint',
  enrol: 'antre-kiosk:enrol',
  checkIn: 'antre-kiosk:check-in',
} as const;
