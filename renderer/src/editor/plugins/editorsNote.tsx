/** Editor's notes and corrections: kind and date in a header, the note as text. */
import type { RenderElementProps } from 'slate-react';
import { useReadOnly } from 'slate-react';
import type { EditorsNoteElement } from '../../../../shared/model/document';
import { NodeField, stopSlateClick, useFieldFocus, useSetField } from './fields';

export function EditorsNote({ attributes, children, element }: RenderElementProps & { element: EditorsNoteElement }) {
  const setField = useSetField(element);
  const readOnly = useReadOnly();
  const focus = useFieldFocus();
  return (
    <div {...attributes} className={`editors-note note-${element.kind}`}>
      <div contentEditable={false} className="note-header">
        <select
          aria-label="Note kind"
          value={element.kind}
          disabled={readOnly}
          onClick={stopSlateClick}
          {...focus}
          onChange={(e) => setField({ kind: e.target.value === 'correction' ? 'correction' : 'note' })}
        >
          <option value="note">Editor's note</option>
          <option value="correction">Correction</option>
        </select>
        <NodeField element={element} field="date" value={element.date} label="Note date" type="date" required />
      </div>
      <p className="note-text">{children}</p>
    </div>
  );
}
