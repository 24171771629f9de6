/**
 * Tab and Shift+Tab go round a modal dialog instead of leaving it for the browser's own controls
 * (Chromium lets focus out of a modal <dialog> after its last control).
 */
import type { KeyboardEvent } from 'react';

const TABBABLE = 'input:not([type="hidden"]), button, select, textarea, a[href], [tabindex]:not([tabindex="-1"])';

export function keepFocusInside(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return;
  const stops = Array.from(event.currentTarget.querySelectorAll<HTMLElement>(TABBABLE)).filter(
    (el) =>
      !el.matches(':disabled') &&
      el.getClientRects().length > 0 &&
      !(el instanceof HTMLInputElement && el.type === 'radio' && !el.checked && hasCheckedSibling(el)),
  );
  const first = stops[0];
  const last = stops[stops.length - 1];
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

/** A radio group is one Tab stop: its checked radio. */
function hasCheckedSibling(radio: HTMLInputElement): boolean {
  return radio.form?.querySelector(`input[type="radio"][name="${CSS.escape(radio.name)}"]:checked`) != null;
}
