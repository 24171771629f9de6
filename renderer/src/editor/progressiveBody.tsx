/**
 * A long article paints its first screen at once and the rest of its blocks arrive behind it.
 *
 * The editor holds the whole body from the start (find, word count, spelling, comments and saving
 * work on all of it); what arrives later is only the rendering of the chunks below the first one.
 * Rendering 10,000 blocks took over a second before anything was on screen. A chunk not rendered
 * yet is an empty box of about its height. It is rendered in the background one chunk at a time, in
 * a React transition that a keystroke interrupts; at once when it scrolls into view or the
 * selection moves into it (a click, Ctrl+End, Ctrl+A, a find match); and all of them when Page Down
 * would travel past what is on the page.
 */
import { startTransition, useEffect, useState, type ReactElement } from 'react';
import { flushSync } from 'react-dom';
import { Range, type Editor } from 'slate';
import type { RenderChunkProps } from 'slate-react';
import { ReactEditor } from 'slate-react';

/** Blocks rendered before the first paint: the first chunk, more than a screen of any article. */
export const FIRST_BLOCKS = 100;

/**
 * What a body's whole-article figures (checklist, counts, suggestions) start from: the body itself
 * when it is short, else null until the first screen is painted. For useDeferredValue's initial
 * value: each walks every block (about 85 ms together at 10,000 blocks the first time), and none of
 * them is on the first screen.
 */
export function untilPainted<T extends readonly unknown[]>(body: T): T | null {
  return body.length <= FIRST_BLOCKS ? body : null;
}

/** Slate's chunk of top-level blocks: its leaves carry their block's current index. */
type ChunkNode = { children: Array<{ type: string; index?: number }> };

type Pending = { chunk: ChunkNode; show: (urgent: boolean) => void };

type Reveal = {
  /** Chunks whose first block is below this index are due. */
  upTo: number;
  all: boolean;
  /** Chunks on the page not rendered yet. */
  waiting: Set<Pending>;
  /** Chunks rendered. */
  rendered: Set<ChunkNode>;
  finished: boolean;
  root?: HTMLElement;
  onRendered?: () => void;
};

const REVEALS = new WeakMap<Editor, Reveal>();

function revealOf(editor: Editor): Reveal {
  let reveal = REVEALS.get(editor);
  if (!reveal) {
    const all = editor.children.length <= FIRST_BLOCKS;
    reveal = { upTo: FIRST_BLOCKS, all, waiting: new Set(), rendered: new Set(), finished: all };
    REVEALS.set(editor, reveal);
  }
  return reveal;
}

const firstOf = (chunk: ChunkNode) => (chunk.children[0]?.type === 'leaf' ? (chunk.children[0].index ?? 0) : 0);
const holds = (chunk: ChunkNode, block: number) => block >= firstOf(chunk) && block < firstOf(chunk) + chunk.children.length;
const due = (reveal: Reveal, chunk: ChunkNode) => reveal.all || firstOf(chunk) < reveal.upTo;

/** The last chunk is on the page: the editor is no longer busy ("article-complete" for the bench). */
function finishIfDone(reveal: Reveal): void {
  if (reveal.finished || !reveal.all || reveal.waiting.size > 0) return;
  reveal.finished = true;
  reveal.root?.removeAttribute('aria-busy');
  if (performance.getEntriesByName('article-complete-start', 'mark').length > 0) {
    performance.measure('article-complete', { start: 'article-complete-start' });
    performance.clearMarks('article-complete-start');
  }
}

/** Renders every block now; with `sync`, before this returns (from an event handler). */
export function revealWholeBody(editor: Editor, sync = false): void {
  const reveal = revealOf(editor);
  if (reveal.finished) return;
  reveal.all = true;
  const run = () => {
    for (const pending of Array.from(reveal.waiting)) pending.show(true);
  };
  if (sync) flushSync(run);
  else run();
}

/**
 * Renders the chunks holding these blocks now (with `sync`, before this returns, from an event
 * handler). A block no chunk is known to hold (indices moved since the last render) renders all.
 */
export function revealBlocks(editor: Editor, blocks: readonly number[], sync = false): void {
  const reveal = revealOf(editor);
  if (reveal.finished) return;
  const show: Pending[] = [];
  for (const block of blocks) {
    const pending = [...reveal.waiting].find((p) => holds(p.chunk, block));
    if (pending) show.push(pending);
    else if (![...reveal.rendered].some((chunk) => holds(chunk, block))) return revealWholeBody(editor, sync);
  }
  if (show.length === 0) return;
  const run = () => {
    for (const pending of show) pending.show(true);
  };
  if (sync) flushSync(run);
  else run();
}

/**
 * Renders the chunk the selection moves into before Slate puts the page's caret there: Slate needs
 * the block on the page (it is rendered in the same React commit as the selection).
 */
export function withProgressiveBody<T extends Editor>(editor: T): T {
  const { apply } = editor;
  editor.apply = (op) => {
    apply(op);
    const reveal = REVEALS.get(editor);
    if (!reveal || reveal.finished || !editor.selection || op.type !== 'set_selection') return;
    const [start, end] = Range.edges(editor.selection);
    revealBlocks(editor, [start.path[0] ?? 0, end.path[0] ?? 0]);
  };
  return editor;
}

let observer: IntersectionObserver | undefined;
const onVisible = new WeakMap<Element, () => void>();

/** One observer for every pending chunk: a chunk scrolled into view (or near it) is rendered at once. */
function observe(el: Element, show: () => void): () => void {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) if (entry.isIntersecting) onVisible.get(entry.target)?.();
    },
    { rootMargin: '100% 0px' },
  );
  onVisible.set(el, show);
  observer.observe(el);
  return () => {
    observer?.unobserve(el);
    onVisible.delete(el);
  };
}

function LazyChunk({
  editor,
  attributes,
  chunk,
  children,
}: {
  editor: Editor;
  attributes: RenderChunkProps['attributes'];
  chunk: ChunkNode;
  children: ReactElement;
}) {
  const reveal = revealOf(editor);
  const [shown, setShown] = useState(() => due(reveal, chunk));
  useEffect(() => {
    if (shown) {
      reveal.rendered.add(chunk);
      reveal.onRendered?.();
      finishIfDone(reveal);
      return () => {
        reveal.rendered.delete(chunk);
      };
    }
    const pending: Pending = {
      chunk,
      show: (urgent) => {
        if (urgent) setShown(true);
        else startTransition(() => setShown(true));
      },
    };
    reveal.waiting.add(pending);
    if (due(reveal, chunk)) pending.show(false); // became due since this render
    return () => {
      reveal.waiting.delete(pending);
      finishIfDone(reveal);
    };
  }, [reveal, chunk, shown]);
  if (shown) {
    return (
      <div {...attributes} className="body-chunk body-chunk-lowest">
        {children}
      </div>
    );
  }
  return (
    <div
      {...attributes}
      className="body-chunk body-chunk-pending"
      contentEditable={false}
      // Scrolled to: rendered at once, not after the chunks above it.
      ref={(el) => (el ? observe(el, () => setShown(true)) : undefined)}
    />
  );
}

/** The body's chunks: the lowest ones skip layout while off screen, and arrive after the first paint. */
export function chunkRenderer(editor: Editor) {
  return (props: RenderChunkProps) => {
    const chunk = ((props.children as ReactElement).props as { ancestor?: ChunkNode }).ancestor;
    if (!props.lowest || !chunk) {
      return (
        <div {...props.attributes} className="body-chunk">
          {props.children}
        </div>
      );
    }
    return (
      <LazyChunk editor={editor} attributes={props.attributes} chunk={chunk}>
        {props.children as ReactElement}
      </LazyChunk>
    );
  };
}

/**
 * After the first paint, renders the rest of the body one chunk at a time until all of it is on
 * the page, marking the editor busy (aria-busy) meanwhile.
 */
export function useProgressiveFill(editor: Editor, chunkSize: number): void {
  useEffect(() => {
    const reveal = revealOf(editor);
    if (reveal.finished) return;
    try {
      reveal.root = ReactEditor.toDOMNode(editor, editor);
    } catch {
      reveal.root = undefined;
    }
    reveal.root?.setAttribute('aria-busy', 'true');
    let timer = 0;
    const next = () => {
      clearTimeout(timer);
      timer = window.setTimeout(step, 0);
    };
    const step = () => {
      if (reveal.all) return;
      reveal.upTo += chunkSize;
      if (reveal.upTo >= editor.children.length) reveal.all = true;
      const now = [...reveal.waiting].filter((p) => due(reveal, p.chunk));
      for (const pending of now) pending.show(false);
      // Each chunk rendered asks for the next (onRendered); with none due, go on at once.
      if (now.length === 0) next();
      finishIfDone(reveal);
    };
    reveal.onRendered = next;
    // The first paint comes first: a task queued from the next frame runs after it.
    const frame = requestAnimationFrame(next);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      reveal.onRendered = undefined;
    };
  }, [editor, chunkSize]);
}
