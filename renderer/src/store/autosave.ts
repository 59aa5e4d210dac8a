/** How long typing is gathered, after the last keystroke, before it is sent to the host. */
export const AUTOSAVE_MS = 400;
/** The longest the first unsent keystroke waits, however fast the typing after it. */
export const AUTOSAVE_MAX_WAIT_MS = 800;
/** Pauses before a send that failed (the host unreachable) is tried again. */
const RETRY_MS = [500, 1000, 2000, 5000];

export interface AutosaveOptions<P> {
  /** Sends a gathered patch; rejects if the host did not take it. */
  send(patch: P): Promise<void>;
  /** The patch that has the effect of `older` then `newer`. */
  merge(older: P, newer: P): P;
  /** Something typed is not yet taken by the host (true), or all of it is (false). */
  onPending?(pending: boolean): void;
  onError?(error: unknown): void;
  debounceMs?: number;
  maxWaitMs?: number;
}

/** What the page-wide flushes need of each autosaver. */
interface Flushable {
  flush(): Promise<void>;
  flushForExit(): void;
}

const live = new Set<Flushable>();

/**
 * Gathers edits and sends them to the host `debounceMs` after the last one, and never more
 * than `maxWaitMs` after the first unsent one. Sends go one at a time, in order; a failed
 * send goes back in line (under what was typed since) and is tried again.
 */
export class Autosaver<P> {
  readonly #options: AutosaveOptions<P>;
  #pending: P | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #firstAt: number | undefined;
  #chain: Promise<void> = Promise.resolve();
  #sending = 0;
  #disposed = false;
  #inFlight: P | null = null;
  #failures = 0;
  #reportedPending = false;

  constructor(options: AutosaveOptions<P>) {
    this.#options = options;
    live.add(this);
  }

  /** Whether something typed is not yet taken by the host. */
  get pending(): boolean {
    return this.#pending !== null || this.#sending > 0;
  }

  /** What is gathered and not yet sent. */
  get queued(): P | null {
    return this.#pending;
  }

  edit(patch: P): void {
    this.#pending = this.#pending === null ? patch : this.#options.merge(this.#pending, patch);
    this.#firstAt ??= Date.now();
    this.#report();
    const wait = Math.min(
      this.#options.debounceMs ?? AUTOSAVE_MS,
      this.#firstAt + (this.#options.maxWaitMs ?? AUTOSAVE_MAX_WAIT_MS) - Date.now(),
    );
    this.#arm(Math.max(0, wait));
  }

  /** Sends what is pending now and waits until the host has taken everything. */
  flush(): Promise<void> {
    this.#send();
    return this.#chain;
  }

  /**
   * The page is going away: sends what is pending at once, without waiting for a send in
   * flight (whose request has left already), so the request starts before the page ends.
   */
  flushForExit(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    // The send in flight may be cancelled with the page: send its patch again, with what
    // came since (each patch holds whole fields, so sending one twice changes nothing).
    const patch =
      this.#inFlight === null || this.#pending === null
        ? (this.#pending ?? this.#inFlight)
        : this.#options.merge(this.#inFlight, this.#pending);
    if (patch === null) return;
    this.#pending = null;
    this.#firstAt = undefined;
    this.#sending++;
    this.#options
      .send(patch)
      .catch((error: unknown) => {
        this.#pending = this.#pending === null ? patch : this.#options.merge(patch, this.#pending);
        this.#options.onError?.(error);
        this.#arm(RETRY_MS[0] ?? 500);
      })
      .finally(() => {
        this.#sending--;
        this.#report();
        this.#forgetWhenDone();
      });
  }

  /**
   * Drops the timers; sends what is pending first. For a row or an editor going away. It stays
   * reachable by a page closing until the host has taken what it sent: a reload right after
   * leaving an editor cancels the request in flight, and the page's exit must send it again.
   */
  dispose(): void {
    this.#disposed = true;
    this.#send();
    this.#forgetWhenDone();
  }

  #forgetWhenDone(): void {
    if (this.#disposed && this.#pending === null && this.#sending === 0) live.delete(this);
  }

  #arm(ms: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#send(), ms);
  }

  #send(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#pending === null) return;
    this.#firstAt = undefined;
    const run = async () => {
      // Taken only now, when it is its turn: until then a page closing can still send it.
      const patch = this.#pending;
      if (patch === null) return;
      this.#pending = null;
      this.#inFlight = patch;
      this.#sending++;
      try {
        await this.#options.send(patch);
        this.#failures = 0;
      } catch (error) {
        // Nothing typed is dropped: the patch goes back in line, under what came since.
        this.#pending = this.#pending === null ? patch : this.#options.merge(patch, this.#pending);
        this.#options.onError?.(error);
        const delay = RETRY_MS[Math.min(this.#failures, RETRY_MS.length - 1)] ?? 5000;
        this.#failures++;
        this.#arm(delay);
      } finally {
        this.#inFlight = null;
        this.#sending--;
        this.#report();
        this.#forgetWhenDone();
      }
    };
    // In order: a newer text never overtakes an older one on its way to the host.
    this.#chain = this.#chain.then(run, run);
  }

  #report(): void {
    const pending = this.pending;
    if (pending === this.#reportedPending) return;
    this.#reportedPending = pending;
    this.#options.onPending?.(pending);
  }
}

/** The page is going away: every editor sends what it holds at once. */
export function flushAllForExit(): void {
  for (const saver of live) saver.flushForExit();
}

/** Sends everything pending in every editor now: before a reload, a close, a hidden tab. */
export function flushAllAutosaves(): Promise<void> {
  return Promise.all([...live].map((saver) => saver.flush())).then(() => undefined);
}
