/** Inputs that edit an element's fields (alt text, titles, dates) from inside contentEditable={false}. */
import { useEffect, useState, type InputHTMLAttributes } from 'react';
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
 * Keeps its own state while typing, so the caret does not jump when the document
 * re-renders; takes the element's value again when it changes elsewhere (undo).
 */
export function NodeField({ element, field, value, label, ...rest }: FieldProps) {
  const setField = useSetField(element);
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
      onChange={(event) => {
        setDraft(event.target.value);
        setField({ [field]: event.target.value } as Partial<Element>);
      }}
    />
  );
}
