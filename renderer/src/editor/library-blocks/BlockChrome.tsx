/** The frame every library block shares: its state (synced, detached, frozen at version N), actions and notices. */
import { useEffect, useState, type ReactNode } from 'react';
import { Transforms, type Element } from 'slate';
import { ReactEditor, useReadOnly, useSlateStatic, type RenderElementProps } from 'slate-react';
import type { LibraryBlock } from '../../../../shared/library/blocks';
import { stopSlateClick, useFieldFocus, useSetField } from '../plugins/fields';
import { useVoidSelected } from '../plugins/voids';

/** Runs a block action without letting Slate treat the click as selecting the void. */
const act = (fn: () => void) => (event: { stopPropagation: () => void }) => {
  stopSlateClick(event);
  fn();
};

export function stateLabel(block: LibraryBlock): string {
  switch (block.mode) {
    case 'synced':
      return `Synced with library · version ${block.version}`;
    case 'detached':
      return 'Detached copy';
    case 'frozen':
      return `Frozen at version ${block.version}`;
  }
}

type Props = RenderElementProps & {
  element: LibraryBlock;
  kindLabel: string;
  /** Where the block came from, e.g. the author's name, for the group's accessible name. */
  sourceLabel: string;
  notice: string | undefined;
  /** The live library content, when the block can follow the library again. */
  resync: Pick<LibraryBlock, 'version' | 'snapshot'> | undefined;
  body: ReactNode;
};

export function BlockChrome({ attributes, children, element, kindLabel, sourceLabel, notice, resync, body }: Props) {
  const editor = useSlateStatic();
  const readOnly = useReadOnly();
  const selected = useVoidSelected();
  const setField = useSetField(element);
  const remove = () => Transforms.removeNodes(editor, { at: ReactEditor.findPath(editor, element) });

  return (
    <div {...attributes} className={`void-block library-card library-block mode-${element.mode}${selected ? ' is-selected' : ''}`}>
      <div contentEditable={false} role="group" aria-label={`${kindLabel}: ${sourceLabel}`}>
        <div className="library-block-bar">
          <span className="block-kind">{kindLabel}</span>
          <span className={`chip library-state state-${element.mode}`} data-testid="library-block-state">
            {stateLabel(element)}
          </span>
          {!readOnly && (
            <span className="library-block-actions">
              {element.mode === 'synced' && (
                <button
                  type="button"
                  onClick={act(() => setField({ mode: 'detached' } as Partial<Element>))}
                  title="Make an editable copy that no longer follows the library"
                >
                  Detach
                </button>
              )}
              {element.mode !== 'synced' && resync && (
                <button
                  type="button"
                  onClick={act(() => setField({ mode: 'synced', version: resync.version, snapshot: resync.snapshot } as Partial<Element>))}
                  title="Replace this copy with the library's current version and follow it again"
                >
                  Sync with library
                </button>
              )}
              <button type="button" onClick={act(remove)} aria-label={`Remove ${kindLabel} block`}>
                Remove
              </button>
            </span>
          )}
        </div>
        {notice && (
          <p className="library-block-notice" role="note">
            {notice}
          </p>
        )}
        {body}
      </div>
      {children}
    </div>
  );
}

/** An input over one field of a detached block's snapshot; keeps its own draft so the caret stays put. */
export function SnapshotInput({
  element,
  field,
  label,
  type = 'text',
  placeholder,
}: {
  element: LibraryBlock;
  field: string;
  label: string;
  type?: string;
  placeholder?: string;
}) {
  const setField = useSetField(element);
  const focus = useFieldFocus();
  const value = String((element.snapshot as Record<string, unknown>)[field] ?? '');
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  return (
    <label className="snapshot-field" onClick={stopSlateClick}>
      <span>{label}</span>
      <input
        type={type}
        value={draft}
        placeholder={placeholder}
        {...focus}
        onChange={(e) => {
          setDraft(e.target.value);
          setField({ snapshot: { ...element.snapshot, [field]: e.target.value } } as Partial<Element>);
        }}
      />
    </label>
  );
}
