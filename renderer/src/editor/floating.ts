/** Positions floating panels (link popover, "/" menu) under a document range. */
import { useLayoutEffect, useState } from 'react';
import type { Range } from 'slate';
import { ReactEditor, useSlateStatic } from 'slate-react';

export type FloatingPosition = { top: number; left: number };

export function useFloatingPosition(range: Range | null, frame: HTMLElement | null, width = 340): FloatingPosition | null {
  const editor = useSlateStatic();
  const [pos, setPos] = useState<FloatingPosition | null>(null);
  useLayoutEffect(() => {
    if (!range || !frame) return setPos(null);
    try {
      const rect = ReactEditor.toDOMRange(editor, range).getBoundingClientRect();
      const base = frame.getBoundingClientRect();
      const next = { top: rect.bottom - base.top + 6, left: Math.max(0, Math.min(rect.left - base.left, base.width - width)) };
      // Same place, same object: no re-render loop when callers pass a fresh range.
      setPos((prev) => (prev && prev.top === next.top && prev.left === next.left ? prev : next));
    } catch {
      setPos(null);
    }
  }, [editor, range, frame, width]);
  return pos;
}
