/** Inline links: the element, the bubble shown when the cursor is in one, and the add/edit popover. */
import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { useFloatingPosition } from '../floating';
import { Editor, Range, Transforms } from 'slate';
import { ReactEditor, useSlateSelector, useSlateStatic, type RenderElementProps } from 'slate-react';
import type { LinkElement } from '../../../../shared/model/document';
import { activeLink, removeLink, setLink } from '../../../../shared/editor/linkEditing';
import { isAllowedLinkUrl } from '../../../../shared/security/urlPolicy';
import { normalizeLinkUrl } from '../../../../shared/editor/links';
import { isMacPlatform } from '../../../../shared/editor/hotkeys';

export function openLink(url: string): void {
  // The Electron shell turns this into an external open after its own URL check.
  if (isAllowedLinkUrl(url)) window.open(url, '_blank', 'noopener');
}

// Keeps the caret placeable at a link's edges in Chromium (Slate's inlines example).
const InlineChromiumBugfix = () => (
  <span contentEditable={false} style={{ fontSize: 0 }}>
    {String.fromCodePoint(160)}
  </span>
);

export function Link({ attributes, children, element }: RenderElementProps & { element: LinkElement }) {
  const onClick = (event: MouseEvent) => {
    const mod = isMacPlatform() ? event.metaKey : event.ctrlKey;
    event.preventDefault();
    if (mod) openLink(element.url);
  };
  return (
    <a {...attributes} href={element.url} onClick={onClick} title={`${element.url} — ${isMacPlatform() ? '⌘' : 'Ctrl'}+click to open`}>
      <InlineChromiumBugfix />
      {children}
      <InlineChromiumBugfix />
    </a>
  );
}

export type LinkDraft = { range: Range; url: string; text: string; editing: boolean };

export function startLinkDraft(editor: Editor): LinkDraft | null {
  const { selection } = editor;
  if (!selection) return null;
  const existing = activeLink(editor);
  if (existing) {
    return { range: Editor.range(editor, existing[1]), url: existing[0].url, text: '', editing: true };
  }
  return { range: selection, url: '', text: '', editing: false };
}

/**
 * Back to the text before the next key: ReactEditor.focus waits 10 ms at a time
 * while operations are pending, and keys pressed meanwhile went to the page.
 * Slate flushes its operations in a microtask queued before this one.
 */
function focusNow(editor: ReactEditor) {
  void Promise.resolve().then(() => ReactEditor.focus(editor));
}

/**
 * The text being linked stays marked while focus is in the popover (the editor's own selection is
 * not drawn once focus leaves it). A CSS highlight adds no nodes to the document.
 */
function useLinkTargetHighlight(range: Range) {
  const editor = useSlateStatic();
  useEffect(() => {
    if (Range.isCollapsed(range) || typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    try {
      CSS.highlights.set('link-target', new Highlight(ReactEditor.toDOMRange(editor, range)));
    } catch {
      return;
    }
    return () => {
      CSS.highlights.delete('link-target');
    };
  }, [editor, range]);
}

export function LinkPopover({ draft, frame, onClose }: { draft: LinkDraft; frame: HTMLElement | null; onClose: () => void }) {
  const editor = useSlateStatic();
  const [url, setUrl] = useState(draft.url);
  const [text, setText] = useState(draft.text);
  const [error, setError] = useState<string | null>(null);
  const urlRef = useRef<HTMLInputElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const pos = useFloatingPosition(draft.range, frame, 340, panel);
  const needsText = !draft.editing && Range.isCollapsed(draft.range);

  // No scrolling to the field: the popover is placed next to the text only after this first render.
  useEffect(() => urlRef.current?.focus({ preventScroll: true }), []);
  useLinkTargetHighlight(draft.range);

  const close = () => {
    onClose();
    Transforms.select(editor, draft.range);
    focusNow(editor);
  };
  const apply = () => {
    const result = normalizeLinkUrl(url);
    if (!result.ok) {
      setError(result.message);
      urlRef.current?.focus();
      return;
    }
    Transforms.select(editor, draft.range);
    setLink(editor, result.url, needsText ? text.trim() : undefined);
    onClose();
    focusNow(editor);
  };
  const remove = () => {
    Transforms.select(editor, draft.range);
    removeLink(editor);
    onClose();
    focusNow(editor);
  };

  return (
    <div
      ref={panel}
      className="floating-panel link-popover"
      data-placement={pos?.placement}
      role="dialog"
      aria-label={draft.editing ? 'Edit link' : 'Add link'}
      style={pos ? { top: pos.top, left: pos.left } : undefined}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          close();
        } else if (e.key === 'Enter') {
          e.preventDefault();
          apply();
        }
      }}
    >
      {needsText && (
        <label className="field">
          <span>Text</span>
          <input aria-label="Link text" value={text} onChange={(e) => setText(e.target.value)} placeholder="Text to show" />
        </label>
      )}
      <label className="field">
        <span>Link</span>
        <input
          ref={urlRef}
          aria-label="Link address"
          value={url}
          aria-invalid={error !== null}
          aria-describedby={error ? 'link-error' : undefined}
          onChange={(e) => {
            setUrl(e.target.value);
            setError(null);
          }}
          placeholder="https://example.com"
        />
      </label>
      {error && (
        <p id="link-error" className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="panel-actions">
        <button type="button" className="primary" onClick={apply}>
          Apply
        </button>
        {draft.editing && (
          <button type="button" onClick={remove}>
            Remove link
          </button>
        )}
        <button type="button" onClick={close}>
          Cancel
        </button>
      </div>
    </div>
  );
}

/** Shown while the cursor sits in a link: its address and Open / Edit / Remove. */
export function LinkBubble({ frame, onEdit }: { frame: HTMLElement | null; onEdit: () => void }) {
  const editor = useSlateStatic();
  const link = useSlateSelector(
    (e) => {
      if (!e.selection || !Range.isCollapsed(e.selection)) return null;
      const entry = activeLink(e);
      return entry ? { url: entry[0].url, range: Editor.range(e, entry[1]) } : null;
    },
    (a, b) => a?.url === b?.url && !!a && !!b && Range.equals(a.range, b.range),
  );
  const focused = useSlateSelector(() => ReactEditor.isFocused(editor));
  const pos = useFloatingPosition(link?.range ?? null, frame);
  if (!link || !focused) return null;
  const keep = (e: MouseEvent) => e.preventDefault();
  return (
    <div className="floating-panel link-bubble" role="group" aria-label="Link" style={pos ? { top: pos.top, left: pos.left } : undefined}>
      <span className="link-url" title={link.url}>
        {link.url}
      </span>
      <button type="button" onMouseDown={keep} onClick={() => openLink(link.url)}>
        Open
      </button>
      <button type="button" onMouseDown={keep} onClick={onEdit}>
        Edit
      </button>
      <button type="button" onMouseDown={keep} onClick={() => removeLink(editor)}>
        Remove
      </button>
    </div>
  );
}
