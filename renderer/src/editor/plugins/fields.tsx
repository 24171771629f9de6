/** Inputs that edit an element's fields (alt text, titles, dates) from inside contentEditable={false}. */
import { useEffect, useState, type FocusEvent, type InputHTMLAttributes } from 'react';
import { Transforms, type Element } from 'slate';
import { ReactEditor, useReadOnly, useSlateStatic } from 'slate-react';

/**
 * Slate selects a void when anything inside it is clicked, which would pull focus
 * out of the field; its embeds example stops the click the same way.
 */
export const stopSlateClick = (event: { stopPropagation: () => void }) => event.stopPropagation();

export function useSetField(element: Element) {
  const editor = useSlateStatic();
  return (props: Partial<Element>) => {
    const at = ReactEditor.findPath(editor, element);
    Transforms.setNodes<Element>(editor, props, { at });
  };
}

type FieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & {
  element: Element;
  field: string;
  value: string;
  label: string;
};

/**
 * Focus handlers for a field inside the editor. Slate ignores a blur towards a
 * non-editable part of a non-void element (promo box title, pull quote
 * attribution), so it still thinks the body has focus and, on the re-render after
 * the field's first change, puts the DOM selection back into the body: focus
 * jumps out of the field. And a field's own blur bubbles to the editor, which
 * then restores its selection into the body, taking focus from the field the
 * writer just clicked. So focusing a field tells Slate it lost focus, and the
 * field's blur stays its own.
 */
export function useFieldFocus() {
  const editor = useSlateStatic();
  return {
    onFocus: () => ReactEditor.blur(editor),
    onBlur: (event: FocusEvent) => event.stopPropagation(),
  };
}

/**
 * Keeps its own state while typing, so the caret does not jump when the document
 * re-renders; takes the element's value again when it changes elsewhere (undo).
 */
export function NodeField({ element, field, value, label, onFocus, onBlur, ...rest }: FieldProps) {
  const setField = useSetField(element);
  const focus = useFieldFocus();
  const readOnly = useReadOnly();
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  return (
    <input
      {...rest}
      aria-label={label}
      value={draft}
      readOnly={readOnly}
      spellCheck={rest.type === undefined || rest.type === 'text'}
      onClick={stopSlateClick}
      onFocus={(event) => {
        focus.onFocus();
        onFocus?.(event);
      }}
      onBlur={(event) => {
        focus.onBlur(event);
        onBlur?.(event);
      }}
      onChange={(event) => {
        setDraft(event.target.value);
        setField({ [field]: event.target.value } as Partial<Element>);
      }}
    />
  );
}
