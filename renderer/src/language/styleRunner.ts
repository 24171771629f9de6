/**
 * Runs the house-style check of one open article in a worker: one check in flight at a time, the
 * newest body waiting behind it (older ones are dropped unread), the body sent as a delta of changed
 * blocks. Should the worker fail to start or break, checking goes on in the page in slices of a few
 * milliseconds, as it did before the worker, so findings never simply stop.
 */
import type { TextFinding } from '../../../shared/language/findings';
import { createBodyMirrorSender } from '../../../shared/language/style/bodyMirror';
import { createStyleChecker } from '../../../shared/language/style/checkStyle';
import type { StyleRule } from '../../../shared/language/style/rules';
import type { ArticleBody } from '../../../shared/model/document';
import type { FromStyleWorker, ToStyleWorker } from './styleProtocol';

/** One slice of checking in the page (the fallback); a frame at 60 Hz is about 16 ms. */
const SLICE_MS = 8;

type Request = { body: ArticleBody; rules: StyleRule[]; ignored: ReadonlySet<string>; done: (findings: TextFinding[]) => void };

export class StyleRunner {
  private worker: Worker | undefined;
  private readonly sender = createBodyMirrorSender();
  private sentRules: StyleRule[] | undefined;
  private sentIgnored: ReadonlySet<string> | undefined;
  private inFlight: { id: number; request: Request } | undefined;
  private waiting: Request | undefined;
  private nextId = 1;
  private inPage: ReturnType<typeof createStyleChecker> | undefined;
  private sliceTimer: ReturnType<typeof setTimeout> | undefined;

  /** Checks `body`; `done` gets its findings unless a newer check was asked for meanwhile. */
  check(request: Request): void {
    if (this.inPage) return this.checkInPage(request);
    if (this.inFlight) {
      this.waiting = request;
      return;
    }
    this.send(request);
  }

  /** Stops the worker (the article closed); a later check starts a new one. */
  dispose(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.inFlight = undefined;
    this.waiting = undefined;
    clearTimeout(this.sliceTimer);
  }

  private send(request: Request): void {
    let worker = this.worker;
    if (!worker) {
      try {
        worker = new Worker(new URL('./style.worker.ts', import.meta.url), { type: 'module', name: 'house-style' });
      } catch {
        return this.toPage(request);
      }
      worker.onmessage = (event: MessageEvent<FromStyleWorker>) => this.receive(event.data);
      worker.onerror = () => this.toPage(this.waiting ?? this.inFlight?.request);
      this.worker = worker;
      this.sender.reset();
      this.sentRules = undefined;
      this.sentIgnored = undefined;
    }
    const id = this.nextId++;
    const message: ToStyleWorker = { type: 'check', id, body: this.sender.delta(request.body) };
    if (request.rules !== this.sentRules) message.rules = request.rules;
    if (request.ignored !== this.sentIgnored) message.ignored = [...request.ignored];
    this.sentRules = request.rules;
    this.sentIgnored = request.ignored;
    this.inFlight = { id, request };
    worker.postMessage(message);
  }

  private receive(message: FromStyleWorker): void {
    const current = this.inFlight;
    if (!current || current.id !== message.id) return;
    this.inFlight = undefined;
    if (message.type === 'failed') return this.toPage(this.waiting ?? current.request);
    const waiting = this.waiting;
    this.waiting = undefined;
    if (waiting) this.send(waiting);
    else current.request.done(message.findings);
  }

  /** From now on this article is checked in the page. */
  private toPage(request: Request | undefined): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.inFlight = undefined;
    this.waiting = undefined;
    this.inPage ??= createStyleChecker();
    if (request) this.checkInPage(request);
  }

  private checkInPage(request: Request): void {
    clearTimeout(this.sliceTimer);
    const checker = this.inPage!;
    const step = () => {
      const until = performance.now() + SLICE_MS;
      const result = checker.check(request.body, request.rules, { ignored: request.ignored }, { deadline: () => performance.now() > until });
      if (result.done) request.done(result.findings);
      else this.sliceTimer = setTimeout(step, 0);
    };
    this.sliceTimer = setTimeout(step, 0);
  }
}
