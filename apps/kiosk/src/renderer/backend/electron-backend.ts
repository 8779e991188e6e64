import type { Reply } from '@antre/shared';
import type {
  CheckInEntry,
  CheckInResult,
  EnrolRequest,
  IssueRequest,
  IssueResult,
  KioskBackend,
  KioskBehaviour,
  KioskLanguage,
  KioskSnapshot,
  PrintOutcome,
} from '../../core/kiosk-backend.js';
import type { KioskBridge } from '../../core/kiosk-bridge.js';

/** The kiosk inside Electron: everything goes to the agent in the main process through `window.antre`. */
export class ElectronBackend implements KioskBackend {
  private current: KioskSnapshot;
  private readonly listeners = new Set<() => void>();

  private constructor(
    private readonly bridge: KioskBridge,
    readonly behaviour: KioskBehaviour,
    first: KioskSnapshot,
  ) {
    this.current = first;
    bridge.onSnapshot((snapshot) => {
      this.current = snapshot;
      for (const l of this.listeners) l();
    });
  }

  static async connect(bridge: KioskBridge): Promise<ElectronBackend> {
    const [behaviour, snapshot] = await Promise.all([bridge.behaviour(), bridge.snapshot()]);
    return new ElectronBackend(bridge, behaviour, snapshot);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  snapshot(): KioskSnapshot {
    return this.current;
  }

  issueTicket(request: IssueRequest): Promise<IssueResult> {
    return this.bridge.issueTicket(request);
  }

  printOutcome(ticketId: string): Promise<PrintOutcome> {
    return this.bridge.printOutcome(ticketId);
  }

  reprint(ticketId: string, lang: KioskLanguage): Promise<PrintOutcome> {
    return this.bridge.reprint(ticketId, lang);
  }

  enrol(request: EnrolRequest): Promise<Reply<object>> {
    return this.bridge.enrol(request);
  }

  checkIn(entry: CheckInEntry): Promise<CheckInResult> {
    return this.bridge.checkIn(entry);
  }
}
