// The display's speakers: one AudioContext for the whole session. Browsers keep it suspended until a person
// clicks (autoplay policy); Electron lets it run at once. `locked` says which.

type Listener = () => void;

export class AudioOutput {
  readonly context: AudioContext;
  /** True while the browser holds sound back; the UI offers "aktifkan suara". */
  locked = false;
  private readonly listeners = new Set<Listener>();
  private lockTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    this.context = new AudioContext({ latencyHint: 'playback' });
    this.context.addEventListener('statechange', () => this.update());
    void this.context.resume().catch(() => undefined);
    // A context allowed to play still starts "suspended" for a moment: judge after that, so a display
    // that may play never flashes the overlay.
    this.lockTimer = setTimeout(() => {
      this.lockTimer = undefined;
      this.update();
    }, 600);
  }

  get running(): boolean {
    return this.context.state === 'running';
  }

  /** Call from a click or key press: the gesture the browser wants before it allows sound. */
  unlock(): void {
    void this.context.resume().catch(() => undefined);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private update(): void {
    if (this.lockTimer !== undefined && this.running) {
      clearTimeout(this.lockTimer);
      this.lockTimer = undefined;
    }
    const locked = !this.running && this.lockTimer === undefined;
    const changed = locked !== this.locked;
    this.locked = locked;
    if (changed || this.running) for (const l of this.listeners) l();
  }
}
