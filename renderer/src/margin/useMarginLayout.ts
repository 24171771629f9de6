/**
 * Keeps the margin's cards beside their text. Positions are taken in the margin's own coordinates,
 * which scroll with the text, so scrolling moves nothing by itself; a re-layout is asked for on
 * edits, resizes, scrolls (the chunks of a long article are laid out as they come into view) and
 * changes of the cards, and runs at most once a frame. Cards whose text is far from the window are
 * not measured: they keep their last place, or their chunk's top, so a 10,000-block article never
 * lays out what is off screen. Reads come first, then writes (transforms), so a frame lays out once.
 */
import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import { Editor, Range, type BaseRange } from 'slate';
import { ReactEditor } from 'slate-react';
import { layoutCards, type CardBox } from './layout';

export type PlacedItem = { id: string; range: BaseRange | undefined };

const GAP = 8;
/** Below this width the margin is a plain column under the text (see margin.css). */
export const NARROW_QUERY = '(max-width: 1023px)';

/** The top of the first line of `range`, relative to `origin`; undefined when it is not in the DOM. */
function measure(editor: Editor, range: BaseRange, origin: number, viewHeight: number, cached: number | undefined): number | undefined {
  const [start] = Range.edges(range);
  const block = editor.children[start.path[0] ?? -1];
  if (!block) return cached;
  let blockEl: HTMLElement;
  try {
    blockEl = ReactEditor.toDOMNode(editor, block);
  } catch {
    return cached;
  }
  // A chunk the browser skips (content-visibility) has a size of its own; measuring inside it would lay it out.
  const chunk = blockEl.closest<HTMLElement>('.body-chunk-lowest');
  if (chunk) {
    const box = chunk.getBoundingClientRect();
    if (box.bottom < -viewHeight || box.top > 2 * viewHeight) return cached ?? box.top - origin;
  }
  try {
    const dom = ReactEditor.toDOMRange(editor, range);
    const first = dom.getClientRects()[0] ?? dom.getBoundingClientRect();
    return first.top - origin;
  } catch {
    return cached;
  }
}

export function useMarginLayout(editor: () => Editor | undefined, items: readonly PlacedItem[], activeId: string | undefined, container: HTMLElement | null) {
  const cards = useRef(new Map<string, HTMLElement>());
  const wants = useRef(new Map<string, number>());
  const latest = useRef({ items, activeId });
  latest.current = { items, activeId };
  const frame = useRef(0);
  const observer = useRef<ResizeObserver | undefined>(undefined);

  const run = useCallback(() => {
    frame.current = 0;
    const ed = editor();
    if (!ed || !container) return;
    if (window.matchMedia(NARROW_QUERY).matches) {
      container.style.minHeight = '';
      for (const el of cards.current.values()) el.style.transform = '';
      return;
    }
    const origin = container.getBoundingClientRect().top;
    const viewHeight = window.innerHeight;
    const boxes: CardBox[] = [];
    const els: HTMLElement[] = [];
    let previous = 0;
    for (const item of latest.current.items) {
      const el = cards.current.get(item.id);
      if (!el) continue;
      const cached = wants.current.get(item.id);
      // Orphaned items (no range) follow the others.
      const want = item.range ? (measure(ed, item.range, origin, viewHeight, cached) ?? previous) : previous;
      wants.current.set(item.id, want);
      previous = want;
      boxes.push({ id: item.id, want, height: el.offsetHeight });
      els.push(el);
    }
    const tops = layoutCards(boxes, { gap: GAP, activeId: latest.current.activeId });
    els.forEach((el, i) => (el.style.transform = `translateY(${tops[i]}px)`));
    const last = boxes.length - 1;
    container.style.minHeight = last >= 0 ? `${tops[last]! + boxes[last]!.height + GAP}px` : '';
  }, [editor, container]);

  const schedule = useCallback(() => {
    if (!frame.current) frame.current = requestAnimationFrame(run);
  }, [run]);

  useEffect(() => {
    const resize = new ResizeObserver(schedule);
    observer.current = resize;
    for (const el of cards.current.values()) resize.observe(el);
    if (container) resize.observe(container.parentElement ?? container);
    const ed = editor();
    if (ed) {
      try {
        resize.observe(ReactEditor.toDOMNode(ed, ed));
      } catch {
        // Not rendered yet: the first edit schedules a layout anyway.
      }
    }
    document.addEventListener('scroll', schedule, { capture: true, passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      resize.disconnect();
      observer.current = undefined;
      document.removeEventListener('scroll', schedule, { capture: true });
      window.removeEventListener('resize', schedule);
      cancelAnimationFrame(frame.current);
      frame.current = 0;
    };
  }, [schedule, container, editor]);

  // New cards, a new active card, moved anchors: lay out before the next paint.
  useLayoutEffect(() => schedule(), [items, activeId, schedule]);

  // One ref callback per card, kept: a new one each render would detach and re-observe every card
  // (and a ResizeObserver reports each element it starts observing) on every keystroke.
  const refs = useRef(new Map<string, (el: HTMLElement | null) => void>());
  const cardRef = useCallback((id: string) => {
    let ref = refs.current.get(id);
    if (!ref) {
      ref = (el: HTMLElement | null) => {
        const old = cards.current.get(id);
        if (old && old !== el) observer.current?.unobserve(old);
        if (el) {
          cards.current.set(id, el);
          observer.current?.observe(el);
        } else {
          cards.current.delete(id);
          refs.current.delete(id);
        }
      };
      refs.current.set(id, ref);
    }
    return ref;
  }, []);

  return { cardRef, schedule };
}
