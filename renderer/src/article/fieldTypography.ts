/**
 * Smart quotes, apostrophes and dashes in plain text fields (the headline and the dek), by the same
 * rules and setting as the body (shared/editor/typography.ts).
 *
 * The typed character lands first; the substitution then goes in through the browser's own
 * editing command, which the field's undo history records as a step of its own: Ctrl+Z gives back
 * the straight character, as in the body. (Setting `value` would wipe that history.)
 */
import { useEffect, useRef, type RefObject } from 'react';
import { fieldSubstitution } from '../../../shared/editor/typography';
import { useWritingSettings } from '../editor/writingSettings';

type TextField = HTMLTextAreaElement | HTMLInputElement;

/** Applies smart typography as the writer types into the field `ref` points at, in the article's `language`. */
export function useFieldTypography(ref: RefObject<TextField | null>, language: string): void {
  const desk = useWritingSettings();
  const settings = { smartTypography: desk.smartTypography, language };
  const latest = useRef(settings);
  useEffect(() => {
    latest.current = settings;
  });
  useEffect(() => {
    const field = ref.current;
    if (!field) return;
    // A native listener on the field runs before React's own (on the root), so React sees the field's final text.
    const onInput = (e: Event) => {
      if (!(e instanceof InputEvent) || e.inputType !== 'insertText' || e.isComposing || e.data?.length !== 1 || field.readOnly) return;
      const caret = field.selectionStart;
      if (caret === null || caret !== field.selectionEnd) return;
      const sub = fieldSubstitution(field.value, caret, latest.current);
      if (!sub) return;
      field.setSelectionRange(sub.from, sub.to);
      // The one way to change a field's text that its undo history keeps (and that fires `input` for React).
      document.execCommand('insertText', false, sub.insert);
    };
    field.addEventListener('input', onInput);
    return () => field.removeEventListener('input', onInput);
  }, [ref]);
}
