/**
 * Autosave for one open article, kept free of React so it can be tested with
 * fake timers. Edits collect into one pending patch; it is saved a short pause
 * after the last edit, and `flush()` saves at once (switching articles, closing
 * the window). A save is always checked against the version the text was based
 * on, so a stale window is told instead of overwriting newer text.
 */
import { IpcCallError, type SaveResult } from '../../../shared/ipc/contract';
import type { ArticlePatch } from '../../../shared/model/article';

export type SaveState =
  | { kind: 'saved'; at: string }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'error'; message: string }
  | { kind: 'conflict'; message: string; currentVersion: number | undefined };

export type SaveFn = (baseVersion: number, patch: ArticlePatch) => Promise<SaveResult>;

export type AutosaveOptions = {
  save: SaveFn;
  baseVersion: number;
  updatedAt: string;
  /** Pause after the last edit before saving. */
  delayMs?: number;
  /** Wait before retrying a failed save (disk full, database busy). */
  retryMs?: number;
  onState?: (state: SaveState) => void;
};

export class Autosave {
  private pending: ArticlePatch = {};
  private hasPending = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | undefined;
  private version: number;
  private state: SaveState;
  private readonly delayMs: number;
  private readonly retryMs: number;

  constructor(private readonly options: AutosaveOptions) {
    this.version = options.baseVersion;
    this.delayMs = options.delayMs ?? 700;
    this.retryMs = options.retryMs ?? 3_000;
    this.state = { kind: 'saved', at: options.updatedAt };
  }

  get saveState(): SaveState {
    return this.state;
  }

  get baseVersion(): number {
    return this.version;
  }

  get dirty(): boolean {
    return this.hasPending || this.inFlight !== undefined;
  }

  /** The edits not yet saved (for a last-chance save when the page is being torn down). */
  get pendingPatch(): ArticlePatch | undefined {
    return this.hasPending ? { ...this.pending } : undefined;
  }

  /** Records an edit; later values of the same field replace earlier ones. */
  change(patch: ArticlePatch): void {
    Object.assign(this.pending, patch);
    this.hasPending = true;
    if (this.state.kind === 'conflict') return; // Held until the user chooses.
    if (this.state.kind !== 'error') this.setState({ kind: 'dirty' });
    this.schedule(this.delayMs);
  }

  /** Saves now; resolves when everything edited so far is stored (or the save failed). */
  async flush(): Promise<void> {
    this.clearTimer();
    // Loop: another flush may start the next save while this one waits, and that save must be awaited too.
    while (this.inFlight) await this.inFlight;
    if (this.hasPending && this.state.kind !== 'conflict') await this.run();
  }

  /** After a conflict: save the local text over the stored one, based on the version now in the database. */
  async overwrite(currentVersion: number, fullFields: ArticlePatch): Promise<void> {
    this.version = currentVersion;
    this.pending = { ...fullFields, ...this.pending };
    this.hasPending = true;
    this.setState({ kind: 'dirty' });
    await this.flush();
  }

  /** After a conflict: the user took the stored version; forget local edits. */
  discard(version: number, updatedAt: string): void {
    this.clearTimer();
    this.pending = {};
    this.hasPending = false;
    this.version = version;
    this.setState({ kind: 'saved', at: updatedAt });
  }

  dispose(): void {
    this.clearTimer();
  }

  private schedule(ms: number) {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, ms);
  }

  private clearTimer() {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private run(): Promise<void> {
    const patch = this.pending;
    this.pending = {};
    this.hasPending = false;
    this.setState({ kind: 'saving' });
    const attempt = (async () => {
      try {
        const result = await this.options.save(this.version, patch);
        this.version = result.version;
        this.setState(this.hasPending ? { kind: 'dirty' } : { kind: 'saved', at: result.updatedAt });
      } catch (error) {
        // Keep the unsaved edits, newer edits taking precedence.
        this.pending = { ...patch, ...this.pending };
        this.hasPending = true;
        if (error instanceof IpcCallError && error.error.code === 'CONFLICT') {
          this.setState({ kind: 'conflict', message: error.error.message, currentVersion: error.error.details?.currentVersion });
          return;
        }
        const message = error instanceof Error ? error.message : String(error);
        this.setState({ kind: 'error', message });
        this.schedule(this.retryMs);
      }
    })();
    this.inFlight = attempt;
    return attempt.finally(() => {
      if (this.inFlight === attempt) this.inFlight = undefined;
    });
  }

  private setState(state: SaveState) {
    // Every keystroke marks the article dirty; tell the view only when that is news.
    if (state.kind === 'dirty' && this.state.kind === 'dirty') return;
    this.state = state;
    this.options.onState?.(state);
  }
}
