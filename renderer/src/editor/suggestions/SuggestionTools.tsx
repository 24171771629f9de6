/**
 * The toolbar's suggestion controls: the mode switch (Ctrl+Alt+Shift+X, as in Google Docs) with a
 * "Suggesting" badge screen readers hear, Accept and Reject for the suggestion at the caret, and a
 * menu to accept or reject all, or all of one author's.
 */
import { useDeferredValue, useMemo, useState, type MouseEvent } from 'react';
import { ReactEditor, useSlateSelector, useSlateStatic } from 'slate-react';
import { ChevronDown } from 'lucide-react';
import { describeHotkey } from '../../../../shared/editor/hotkeys';
import type { ArticleBody } from '../../../../shared/model/document';
import { listSuggestions, openSuggestionCount } from '../../../../shared/suggestions/list';
import { decideAll, suggestionAtSelection, type Decision } from '../../../../shared/suggestions/review';
import { hotkeyFor } from '../hotkeyTable';
import type { EditorCommand } from '../commands';
import { fixTarget } from '../../review/findingFixes';
import { useToolbarMenu } from '../toolbarMenu';
import { untilPainted } from '../progressiveBody';

const keepSelection = (e: MouseEvent) => e.preventDefault();
const titled = (label: string, command: EditorCommand) => {
  const key = hotkeyFor(command);
  return key ? `${label} (${describeHotkey(key)})` : label;
};

type Props = { disabled: boolean; suggesting: boolean; onCommand: (command: EditorCommand) => void };

export function SuggestionTools({ disabled, suggesting, onCommand }: Props) {
  const atCaret = useSlateSelector((e) => suggestionAtSelection(e)?.id ?? null);
  return (
    <>
      <button
        type="button"
        className="tool"
        aria-pressed={suggesting}
        title={titled('Suggest changes', 'suggesting-mode')}
        disabled={disabled}
        onMouseDown={keepSelection}
        onClick={() => onCommand('suggesting-mode')}
      >
        Suggest
      </button>
      <span className="suggesting-badge" role="status" aria-live="polite" data-testid="suggesting-badge">
        {suggesting ? 'Suggesting' : ''}
      </span>
      <button
        type="button"
        className="tool"
        title={titled('Accept the suggestion at the caret', 'accept-suggestion')}
        disabled={disabled || atCaret === null}
        onMouseDown={keepSelection}
        onClick={() => onCommand('accept-suggestion')}
      >
        Accept
      </button>
      <button
        type="button"
        className="tool"
        title={titled('Reject the suggestion at the caret', 'reject-suggestion')}
        disabled={disabled || atCaret === null}
        onMouseDown={keepSelection}
        onClick={() => onCommand('reject-suggestion')}
      >
        Reject
      </button>
      <ReviewChangesMenu disabled={disabled} />
    </>
  );
}

type Item = { label: string; decision: Decision; authorId?: string };

function ReviewChangesMenu({ disabled }: { disabled: boolean }) {
  const editor = useSlateStatic();
  // Counted in a background render, not on each keystroke; a long article's first count after its first paint.
  const children = useSlateSelector((e) => e.children);
  const deferred = useDeferredValue(children, untilPainted(children));
  const open = useMemo(() => (deferred ? openSuggestionCount(deferred as ArticleBody) : 0), [deferred]);
  const [items, setItems] = useState<Item[] | null>(null);
  const { buttonRef, menuRef, onMenuKey } = useToolbarMenu(items !== null, () => setItems(null));

  const show = () => {
    const authors = new Map<string, string>();
    for (const s of listSuggestions(editor.children as ArticleBody)) authors.set(s.authorId, s.authorName);
    const next: Item[] = [
      { label: 'Accept all', decision: 'accept' },
      { label: 'Reject all', decision: 'reject' },
    ];
    if (authors.size > 1)
      for (const [authorId, name] of authors)
        next.push({ label: `Accept all by ${name}`, decision: 'accept', authorId }, { label: `Reject all by ${name}`, decision: 'reject', authorId });
    setItems(next);
  };

  return (
    <div className="insert-menu">
      <button
        ref={buttonRef}
        type="button"
        className="tool"
        aria-haspopup="menu"
        aria-expanded={items !== null}
        disabled={disabled || open === 0}
        {...fixTarget('suggestions')}
        onMouseDown={keepSelection}
        onClick={() => (items ? setItems(null) : show())}
      >
        {open === 1 ? '1 suggestion' : `${open} suggestions`} <ChevronDown size={14} aria-hidden="true" />
      </button>
      {items && (
        <div ref={menuRef} className="menu" role="menu" aria-label="Review suggestions" onKeyDown={onMenuKey}>
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              tabIndex={-1}
              onMouseDown={keepSelection}
              onClick={() => {
                setItems(null);
                decideAll(editor, item.decision, item.authorId);
                ReactEditor.focus(editor);
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
