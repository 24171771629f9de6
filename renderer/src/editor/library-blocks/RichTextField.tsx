/**
 * A small one-paragraph rich-text field (bold, italic, links to http, https or
 * mailto) for author bios and disclosure texts, in the library forms and in a
 * detached block. Its value is the inline list the library stores.
 */
import { useCallback, useId, useMemo, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { createEditor, Editor, Element, Node, Range, Transforms, type Descendant } from 'slate';
import { withHistory } from 'slate-history';
import { Editable, Slate, withReact, type RenderElementProps, type RenderLeafProps } from 'slate-react';
import { normalizeLinkUrl } from '../../../../shared/editor/links';
import type { InlineNode, LinkElement } from '../../../../shared/model/document';
import { handleSelectionKey, syncSelectionFromDom } from '../keyboardSelection';

type Props = {
  label: string;
  value: InlineNode[];
  onChange: (value: InlineNode[]) => void;
  placeholder?: string;
};

const toValue = (nodes: InlineNode[]): Descendant[] => [{ type: 'paragraph', children: nodes.length ? nodes : [{ text: '' }] }];

function withInlineLinks(editor: Editor): Editor {
  const { isInline } = editor;
  editor.isInline = (el) => el.type === 'link' || isInline(el);
  // One paragraph only: a pasted or typed break never becomes a second block.
  editor.insertBreak = () => editor.insertText(' ');
  // Pasted lines and fragments arrive as more blocks; only the first is stored, so join them into it.
  const { normalizeNode } = editor;
  editor.normalizeNode = (entry, options) => {
    const next = entry[1].length === 0 ? editor.children[1] : undefined;
    if (next === undefined) return normalizeNode(entry, options);
    if (!Element.isElement(next) || editor.isInline(next)) {
      Transforms.wrapNodes(editor, { type: 'paragraph', children: [] }, { at: [1] });
    } else if (next.children.some((c) => Element.isElement(c) && !editor.isInline(c))) {
      Transforms.unwrapNodes(editor, { at: [1] });
    } else {
      const before = Node.string(editor.children[0]!);
      const after = Node.string(next);
      if (before && after && !/\s$/.test(before) && !/^\s/.test(after)) Transforms.insertText(editor, ' ', { at: Editor.end(editor, [0]) });
      Transforms.mergeNodes(editor, { at: [1] });
    }
  };
  return editor;
}

function toggleMark(editor: Editor, mark: 'bold' | 'italic') {
  const marks = Editor.marks(editor) ?? {};
  if ((marks as Record<string, unknown>)[mark]) Editor.removeMark(editor, mark);
  else Editor.addMark(editor, mark, true);
}

const isLinkNode = (n: unknown): n is LinkElement => Element.isElement(n) && n.type === 'link';

function renderElement({ attributes, children, element }: RenderElementProps) {
  if (element.type === 'link') {
    return (
      <a {...attributes} href={element.url} onClick={(e) => e.preventDefault()}>
        {children}
      </a>
    );
  }
  return <p {...attributes}>{children}</p>;
}

function renderLeaf({ attributes, children, leaf }: RenderLeafProps) {
  let out = children;
  if (leaf.bold) out = <strong>{out}</strong>;
  if (leaf.italic) out = <em>{out}</em>;
  return <span {...attributes}>{out}</span>;
}

export function RichTextField({ label, value, onChange, placeholder }: Props) {
  const editor = useMemo(() => withInlineLinks(withHistory(withReact(createEditor()))), []);
  const [initial] = useState(() => toValue(value));
  const [linkDraft, setLinkDraft] = useState<string | null>(null);
  const [linkError, setLinkError] = useState('');
  const labelId = useId();
  const linkId = useId();

  const emit = useCallback(
    (doc: Descendant[]) => {
      const first = doc[0];
      onChange(first && Element.isElement(first) ? (first.children as InlineNode[]) : [{ text: '' }]);
    },
    [onChange],
  );

  const keep = (e: MouseEvent) => e.preventDefault(); // Keep the selection while clicking a button.

  const applyLink = () => {
    const result = normalizeLinkUrl(linkDraft ?? '');
    if (!result.ok) {
      setLinkError(result.message);
      return;
    }
    const { selection } = editor;
    if (selection && Range.isCollapsed(selection)) {
      Transforms.insertNodes(editor, { type: 'link', url: result.url, children: [{ text: result.url }] });
    } else if (selection) {
      Transforms.unwrapNodes(editor, { match: isLinkNode });
      Transforms.wrapNodes(editor, { type: 'link', url: result.url, children: [] }, { split: true });
    }
    setLinkDraft(null);
    setLinkError('');
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (handleSelectionKey(editor, e)) return;
    const mod = e.ctrlKey || e.metaKey;
    if (mod && e.key.toLowerCase() === 'b') {
      e.preventDefault();
      toggleMark(editor, 'bold');
    } else if (mod && e.key.toLowerCase() === 'i') {
      e.preventDefault();
      toggleMark(editor, 'italic');
    } else if (mod && e.key.toLowerCase() === 'k') {
      e.preventDefault();
      syncSelectionFromDom(editor);
      setLinkDraft('');
    }
  };

  return (
    <div className="rich-text-field" onClick={(e) => e.stopPropagation()}>
      <span className="rich-text-label" id={labelId}>
        {label}
      </span>
      <div className="rich-text-tools" role="toolbar" aria-label={`${label} formatting`}>
        <button type="button" onMouseDown={keep} onClick={() => toggleMark(editor, 'bold')} aria-label="Bold" title="Bold (Ctrl+B)">
          <strong>B</strong>
        </button>
        <button type="button" onMouseDown={keep} onClick={() => toggleMark(editor, 'italic')} aria-label="Italic" title="Italic (Ctrl+I)">
          <em>I</em>
        </button>
        <button type="button" onMouseDown={keep} onClick={() => setLinkDraft('')} aria-label="Link" title="Link (Ctrl+K)">
          Link
        </button>
        <button type="button" onMouseDown={keep} onClick={() => Transforms.unwrapNodes(editor, { match: isLinkNode })} title="Remove link">
          Unlink
        </button>
      </div>
      <Slate editor={editor} initialValue={initial} onValueChange={emit}>
        <Editable
          className="rich-text-input"
          role="textbox"
          aria-multiline="false"
          aria-labelledby={labelId}
          renderElement={renderElement}
          renderLeaf={renderLeaf}
          placeholder={placeholder}
          onKeyDown={onKeyDown}
        />
      </Slate>
      {linkDraft !== null && (
        <div className="rich-text-link">
          <label htmlFor={linkId}>Link address</label>
          <input
            id={linkId}
            autoFocus
            value={linkDraft}
            placeholder="https://… or mailto:…"
            onChange={(e) => setLinkDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                applyLink();
              } else if (e.key === 'Escape') setLinkDraft(null);
            }}
          />
          <button type="button" onClick={applyLink}>
            Apply
          </button>
          <button type="button" onClick={() => setLinkDraft(null)}>
            Cancel
          </button>
          {linkError && <p className="field-error">{linkError}</p>}
        </div>
      )}
    </div>
  );
}
