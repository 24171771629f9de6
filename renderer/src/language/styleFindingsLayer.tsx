/**
 * House-style findings in the body editor: what the editor takes from house style (`{ findings,
 * ignore }`, underlined by the findings layer, findingsLayer.ts), and, when the caret is in one, a
 * small panel with the rule's message, its one-click fix and “Ignore”.
 */
import { useMemo, type MouseEvent } from 'react';
import { Editor, Node, Range, Text, Transforms, type Path } from 'slate';
import { ReactEditor, useSlateSelector, useSlateStatic } from 'slate-react';
import type { TextFinding } from '../../../shared/language/findings';
import { useFloatingPosition } from '../editor/floating';

export type TextFindingsLayer = {
  findings: readonly TextFinding[];
  ignore: (finding: TextFinding) => void;
};

/** What a decorated leaf carries. */
export type FindingDecoration = { textFinding?: TextFinding['severity']; findingMessage?: string };

const pathKey = (path: readonly number[]) => path.join('.');

/** The finding under a collapsed caret (its start and end included). */
function findingAtCaret(editor: Editor, findings: readonly TextFinding[]): TextFinding | null {
  const { selection } = editor;
  if (!selection || !Range.isCollapsed(selection)) return null;
  const { path, offset } = selection.anchor;
  return findings.find((f) => pathKey(f.path) === pathKey(path) && f.start <= offset && offset <= f.end) ?? null;
}

/** Whether the text the finding was made from is still there (the writer may have typed since the check). */
function stillThere(editor: Editor, f: TextFinding): boolean {
  if (!Node.has(editor, f.path)) return false;
  const node = Node.get(editor, f.path);
  return Text.isText(node) && node.text.slice(f.start, f.end) === f.word;
}

export function applyFix(editor: Editor, f: TextFinding, fix: string): boolean {
  if (!stillThere(editor, f)) return false;
  const at = { anchor: { path: f.path as Path, offset: f.start }, focus: { path: f.path as Path, offset: f.end } };
  Editor.withoutNormalizing(editor, () => {
    if (fix) Transforms.insertText(editor, fix, { at });
    else Transforms.delete(editor, { at });
  });
  Transforms.select(editor, { path: f.path as Path, offset: f.start + fix.length });
  return true;
}

const fixLabel = (fix: string) => (fix === '' ? 'Remove it' : fix === ' ' ? 'One space' : `Change to “${fix}”`);

export function FindingBubble({ layer, frame, readOnly }: { layer: TextFindingsLayer; frame: HTMLElement | null; readOnly: boolean }) {
  const editor = useSlateStatic();
  const finding = useSlateSelector(
    (e) => findingAtCaret(e, layer.findings),
    (a, b) => a === b,
  );
  const focused = useSlateSelector(() => ReactEditor.isFocused(editor));
  const range = useMemo(
    () => (finding ? { anchor: { path: finding.path, offset: finding.start }, focus: { path: finding.path, offset: finding.end } } : null),
    [finding],
  );
  const pos = useFloatingPosition(range && focused && stillThere(editor, finding!) ? range : null, frame);
  if (!finding || !focused || !stillThere(editor, finding)) return null;
  const keep = (e: MouseEvent) => e.preventDefault();
  return (
    <div
      className={`floating-panel finding-bubble finding-${finding.severity}`}
      role="group"
      aria-label="House style"
      style={pos ? { top: pos.top, left: pos.left } : undefined}
    >
      <p className="finding-message" role="status">
        {finding.message}
      </p>
      {!readOnly && (
        <div className="button-row">
          {finding.fixes.slice(0, 3).map((fix) => (
            <button
              key={fix}
              type="button"
              className="primary"
              onMouseDown={keep}
              onClick={() => {
                applyFix(editor, finding, fix);
                ReactEditor.focus(editor);
              }}
            >
              {fixLabel(fix)}
            </button>
          ))}
          <button
            type="button"
            onMouseDown={keep}
            onClick={() => {
              layer.ignore(finding);
              ReactEditor.focus(editor);
            }}
          >
            Ignore
          </button>
        </div>
      )}
    </div>
  );
}
