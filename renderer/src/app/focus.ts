/**
 * Where focus goes when the thing holding it goes away, and a polite live
 * region for what just happened ("Settings saved.", "Submitted for review.").
 */
import { useLayoutEffect } from 'react';

const ANNOUNCER_ID = 'announcer';

/** Says `text` through the page's status region (rendered once by the App). */
export function announce(text: string) {
  const region = document.getElementById(ANNOUNCER_ID);
  if (!region) return;
  // Clear first so the same sentence twice is announced twice.
  region.textContent = '';
  requestAnimationFrame(() => (region.textContent = text));
}

export const announcerProps = { id: ANNOUNCER_ID, role: 'status', 'aria-live': 'polite', className: 'visually-hidden' } as const;

/** A dialog or panel that unmounts gives focus back to what held it when it opened, if that is still there. */
export function useRestoreFocus() {
  useLayoutEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    return () => {
      // Only when focus would otherwise drop to the page (it was inside what is closing).
      requestAnimationFrame(() => {
        const lost = document.activeElement === null || document.activeElement === document.body;
        if (lost && opener?.isConnected) opener.focus();
      });
    };
  }, []);
}

/** Focuses an element once it exists, e.g. after a view re-renders under the keyboard. */
export function focusWhenReady(selector: string, tries = 10) {
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>(selector);
    if (el) el.focus();
    else if (tries > 0) focusWhenReady(selector, tries - 1);
  });
}
