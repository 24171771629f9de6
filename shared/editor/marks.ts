/** Character formatting: bold, italic, underline, strikethrough, superscript, subscript. */
import { Editor } from 'slate';
import { MARKS, type Mark } from '../model/document';

export function isMarkActive(editor: Editor, mark: Mark): boolean {
  return Editor.marks(editor)?.[mark] === true;
}

export function activeMarks(editor: Editor): Mark[] {
  const marks = Editor.marks(editor);
  return marks ? MARKS.filter((m) => marks[m] === true) : [];
}

/** Superscript and subscript exclude each other, as in every word processor. */
const EXCLUSIVE: Partial<Record<Mark, Mark>> = { superscript: 'subscript', subscript: 'superscript' };

export function toggleMark(editor: Editor, mark: Mark): void {
  if (isMarkActive(editor, mark)) {
    Editor.removeMark(editor, mark);
    return;
  }
  Editor.withoutNormalizing(editor, () => {
    const other = EXCLUSIVE[mark];
    if (other && isMarkActive(editor, other)) Editor.removeMark(editor, other);
    Editor.addMark(editor, mark, true);
  });
}
