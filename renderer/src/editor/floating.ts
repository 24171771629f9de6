/**
 * Positions floating panels (link popover, "/" menu) next to a document range: below it, or above
 * it when the visible area has no room below, so the panel is never cut off at the bottom of the
 * window and never covers the text it is about.
 */
import { useLayoutEffect, useState, type RefObject } from 'react';
import type { Range } from 'slate';
import { ReactEditor, useSlateStatic } from 'slate-react';

export type FloatingPosition = { top: number; left: number; placement: 'below' | 'above' };

const GAP = 6;

/** The bottom and top of what is visible of `element`: the window, narrowed by every clipping ancestor. */
function visibleBand(element: HTMLElement): { top: number; bottom: number } {
  let top = 0;
  let bottom = window.innerHeight;
  for (let el = element.parentElement; el; el = el.parentElement) {
    if (getComputedStyle(el).overflowY === 'visible') continue;
    const r = el.getBoundingClientRect();
    top = Math.max(top, r.top);
    bottom = Math.min(bottom, r.bottom);
  }
  return { top, bottom };
}

/**
 * `panel` is measured as it resizes (a menu shrinks as it filters), so a panel that grows past the
 * bottom flips above without waiting for the range to move.
 */
export function useFloatingPosition(
  range: Range | null,
  frame: HTMLElement | null,
  width = 340,
  panel?: RefObject<HTMLElement | null>,
  /** What the panel shows (a menu's entries): placed again, measured, in the commit that changes it. */
  content?: unknown,
): FloatingPosition | null {
  const editor = useSlateStatic();
  const [pos, setPos] = useState<FloatingPosition | null>(null);
  const [measured, setMeasured] = useState(0);
  useLayoutEffect(() => {
    const element = panel?.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setMeasured(element.offsetHeight));
    observer.observe(element);
    setMeasured(element.offsetHeight);
    return () => observer.disconnect();
  }, [panel]);
  // Also when the content changes: a menu that filters shrinks in that commit, and placing it then,
  // measured before paint, leaves no frame with the panel where it was (the observer's answer comes
  // a render later). The observer catches resizes from elsewhere.
  useLayoutEffect(() => {
    if (!range || !frame) return setPos((prev) => (prev === null ? prev : null));
    const height = panel?.current?.offsetHeight ?? measured;
    try {
      const rect = ReactEditor.toDOMRange(editor, range).getBoundingClientRect();
      const base = frame.getBoundingClientRect();
      const band = visibleBand(frame);
      const roomBelow = band.bottom - rect.bottom - GAP;
      const roomAbove = rect.top - band.top - GAP;
      const above = height > roomBelow && roomAbove > roomBelow;
      const next: FloatingPosition = {
        top: above ? rect.top - base.top - GAP - height : rect.bottom - base.top + GAP,
        left: Math.max(0, Math.min(rect.left - base.left, base.width - width)),
        placement: above ? 'above' : 'below',
      };
      // Same place, same object: no re-render loop when callers pass a fresh range.
      setPos((prev) => (prev && prev.top === next.top && prev.left === next.left && prev.placement === next.placement ? prev : next));
    } catch {
      setPos((prev) => (prev === null ? prev : null));
    }
  }, [editor, range, frame, width, measured, panel, content]);
  return pos;
}
