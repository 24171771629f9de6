/**
 * Slate ignores a blur that arrives while it is still placing the DOM caret after a render (until a
 * zero-delay timer), and then goes on counting the text as focused. Its next render put the caret
 * back in the text, which took focus from the field the writer had just moved to: on a busy machine
 * Ctrl+F's Find field got the first letter and the article the rest. Focus that has left the text
 * for another element ends the text's focus, whatever Slate was doing.
 */
import { useCallback, type FocusEvent } from 'react';
import { ReactEditor } from 'slate-react';

export function useFocusLeavesText(editor: ReactEditor): (event: FocusEvent<HTMLElement>) => void {
  return useCallback(
    (event: FocusEvent<HTMLElement>) => {
      const text = event.currentTarget;
      // After the move: a window losing focus keeps its active element, and focus within the text is not a move.
      queueMicrotask(() => {
        const active = document.activeElement;
        if (active && active !== text && !text.contains(active) && ReactEditor.isFocused(editor)) ReactEditor.blur(editor);
      });
    },
    [editor],
  );
}
