/**
 * Keeps comment anchors in step with the open editor: every operation moves
 * every anchor (shared/comments/anchors), changed anchors are saved shortly
 * after, and a thread whose text is deleted becomes orphaned. Free of React so
 * the sidebar and the editor's decorations read the same state.
 */
import type { Editor, Operation } from 'slate';
import { reanchor, transformAnchor, type CommentAnchor } from '../../../shared/comments/anchors';
import type { ArticleBody } from '../../../shared/model/document';
import type { CommentThread } from '../../../shared/model/review';
import { onEditorChange } from '../editor/changeListeners';

export type EditorChangeListener = (editor: Editor, op: Operation | undefined) => void;

export type AnchorSaver = (updates: { threadId: string; anchor: CommentAnchor | null }[]) => Promise<unknown>;

export class CommentController {
  threads: CommentThread[] = [];
  /** The selection being commented on, moved by edits like the others until it is saved. */
  pending: CommentAnchor | undefined;
  editor: Editor | undefined;
  /** Called once an editor is attached (a newsroom article places its anchors in it then). */
  onAttach: (() => void) | undefined;
  private changed = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private listeners = new Set<() => void>();
  private editorListeners = new Set<EditorChangeListener>();
  private revision = 0;

  constructor(
    private readonly save: AnchorSaver,
    private readonly delayMs = 800,
  ) {}

  private snap = { revision: 0, threads: this.threads };

  /** A number that changes whenever threads or anchors change (for React). */
  get version(): number {
    return this.revision;
  }

  /** The threads as of the last change: a new object exactly when `version` changes (for React). */
  get snapshot(): { readonly revision: number; readonly threads: CommentThread[] } {
    if (this.snap.revision !== this.revision) this.snap = { revision: this.revision, threads: this.threads };
    return this.snap;
  }

  /** Called after every change of the attached editor, selection moves included (the margin follows it). */
  onEditorChange(listener: EditorChangeListener): () => void {
    this.editorListeners.add(listener);
    return () => this.editorListeners.delete(listener);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Loads threads, re-checking each anchor against the body as it was stored. */
  load(threads: CommentThread[], body: ArticleBody): void {
    this.threads = threads.map((t) => {
      if (!t.anchor) return t;
      const anchor = reanchor(body, t.anchor);
      if (anchor !== t.anchor) this.changed.add(t.id);
      return { ...t, anchor };
    });
    this.emit();
    if (this.changed.size) this.schedule();
  }

  /** Takes threads whose anchors are already live (a newsroom article's, placed from its document). */
  replace(threads: CommentThread[]): void {
    this.threads = threads;
    this.emit();
  }

  /** Adds or replaces one thread as the store returned it (its anchor is the live one we sent). */
  put(thread: CommentThread): void {
    const i = this.threads.findIndex((t) => t.id === thread.id);
    const live = i >= 0 ? { ...thread, anchor: this.threads[i]!.anchor } : thread;
    this.threads = i >= 0 ? this.threads.map((t, j) => (j === i ? live : t)) : [...this.threads, live];
    this.emit();
  }

  attach = (editor: Editor): (() => void) => {
    this.editor = editor;
    this.onAttach?.();
    const apply = editor.apply;
    editor.apply = (op: Operation) => {
      apply(op);
      this.transform(op);
    };
    const stopListening = onEditorChange(editor, (options) => {
      for (const l of this.editorListeners) l(editor, options?.operation);
    });
    return () => {
      editor.apply = apply;
      stopListening();
      if (this.editor === editor) this.editor = undefined;
      void this.flush();
    };
  };

  private transform(op: Operation) {
    if (op.type === 'set_selection') return;
    let any = false;
    this.threads = this.threads.map((t) => {
      if (!t.anchor) return t;
      const next = transformAnchor(t.anchor, op);
      if (next === t.anchor) return t;
      any = true;
      this.changed.add(t.id);
      return { ...t, anchor: next };
    });
    if (this.pending) {
      const next = transformAnchor(this.pending, op);
      any ||= next !== this.pending;
      this.pending = next;
    }
    if (any) {
      this.emit();
      this.schedule();
    }
  }

  private schedule() {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Saves moved anchors now. */
  async flush(): Promise<void> {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.changed.size === 0) return;
    const ids = [...this.changed];
    this.changed.clear();
    const updates = ids.flatMap((id) => {
      const t = this.threads.find((x) => x.id === id);
      return t ? [{ threadId: id, anchor: t.anchor ?? null }] : [];
    });
    try {
      await this.save(updates);
    } catch {
      for (const id of ids) this.changed.add(id); // Kept for the next try.
    }
  }

  private emit() {
    this.revision++;
    for (const l of this.listeners) l();
  }
}
