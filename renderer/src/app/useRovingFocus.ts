/**
 * Roving tabindex (WAI-ARIA toolbar and tabs patterns): a group of controls is
 * one Tab stop; arrow keys, Home and End move focus inside it. The group
 * remembers the control last focused, so Tab comes back to it.
 */
import { useCallback, useLayoutEffect, useRef, type KeyboardEvent, type RefObject } from 'react';

type Options = {
  /** Which keys move focus: Left/Right, Up/Down, or both. */
  orientation?: 'horizontal' | 'vertical' | 'both';
  /** The group's controls, as a selector from the container; disabled ones are skipped. */
  items?: string;
  /** Called when arrow keys land on an item (tabs select it). */
  onMove?: (item: HTMLElement) => void;
};

const DEFAULT_ITEMS = 'button, select, input, [role="tab"]';

function itemsOf(container: HTMLElement | null, selector: string): HTMLElement[] {
  if (!container) return [];
  return Array.from(container.querySelectorAll<HTMLElement>(selector)).filter(
    (el) => !(el as HTMLButtonElement).disabled && el.closest('[role="menu"]') === null,
  );
}

export function useRovingFocus<T extends HTMLElement>(ref: RefObject<T | null>, { orientation = 'horizontal', items = DEFAULT_ITEMS, onMove }: Options = {}) {
  const current = useRef<HTMLElement | null>(null);

  // After every render: exactly one enabled item is in the Tab order.
  useLayoutEffect(() => {
    const all = itemsOf(ref.current, items);
    const container = ref.current;
    if (!container) return;
    for (const el of container.querySelectorAll<HTMLElement>(items)) if (el.closest('[role="menu"]') === null) el.tabIndex = -1;
    // A selected tab is always the stop; otherwise the control last focused, or the first.
    const selected = all.find((el) => el.getAttribute('aria-selected') === 'true');
    const stop = selected ?? (current.current && all.includes(current.current) ? current.current : all[0]);
    if (stop) stop.tabIndex = 0;
  });

  const onFocus = useCallback(
    (e: { target: EventTarget }) => {
      const all = itemsOf(ref.current, items);
      const el = e.target as HTMLElement;
      if (!all.includes(el)) return;
      if (current.current && current.current !== el) current.current.tabIndex = -1;
      current.current = el;
      el.tabIndex = 0;
    },
    [ref, items],
  );

  const onKeyDown = useCallback(
    (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      const all = itemsOf(ref.current, items);
      const index = all.indexOf(e.target as HTMLElement);
      if (index < 0) return;
      const back = (orientation !== 'vertical' && e.key === 'ArrowLeft') || (orientation !== 'horizontal' && e.key === 'ArrowUp');
      const forward = (orientation !== 'vertical' && e.key === 'ArrowRight') || (orientation !== 'horizontal' && e.key === 'ArrowDown');
      let next: number;
      if (back) next = (index - 1 + all.length) % all.length;
      else if (forward) next = (index + 1) % all.length;
      else if (e.key === 'Home') next = 0;
      else if (e.key === 'End') next = all.length - 1;
      else return;
      e.preventDefault();
      const target = all[next]!;
      target.focus();
      onMove?.(target);
    },
    [ref, items, orientation, onMove],
  );

  return { onKeyDown, onFocus };
}
