/** Find and replace: the panel, and the decorations that highlight matches. */
import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Element, Transforms, type NodeEntry, type Range } from 'slate';
import { ReactEditor, useSlateSelector, useSlateStatic } from 'slate-react';
import { blockMatchRanges, findAll, matchRange, replaceAll, replaceMatch, type FindOptions } from '../../../shared/editor/find';
import { matchesHotkey } from '../../../shared/editor/hotkeys';
import { isTextBlock } from '../../../shared/editor/schema';
import { ChevronDown, ChevronUp, X } from 'lucide-react';
import { revealBlocks } from './progressiveBody';
import { scrollIntoViewSettled } from './scrollSettled';

export type CurrentMatch = { block: Element; start: number } | null;

/** Decorations for the matches of one text block; unchanged blocks hit the match cache. */
export function useFindDecorate(options: FindOptions | null, current: CurrentMatch) {
  return useCallback(
    ([node, path]: NodeEntry): Range[] => {
      if (!options?.query || !isTextBlock(node)) return [];
      return blockMatchRanges(node, path, options).map((m) => ({
        anchor: m.anchor,
        focus: m.focus,
        findMatch: true,
        ...(current && current.block === node && current.start === m.start ? { findCurrent: true } : {}),
      }));
    },
    [options, current],
  );
}

type PanelProps = {
  mode: 'find' | 'replace';
  options: FindOptions;
  onOptionsChange: (options: FindOptions) => void;
  onCurrentChange: (current: CurrentMatch) => void;
  onClose: () => void;
};

export function FindReplacePanel({ mode, options, onOptionsChange, onCurrentChange, onClose }: PanelProps) {
  const editor = useSlateStatic();
  const children = useSlateSelector((e) => e.children);
  // Not deferred: Replace acts on these ranges, so they must match the document.
  const matches = useMemo(() => findAll(children, options), [children, options]);
  const [index, setIndex] = useState(0);
  const [replacement, setReplacement] = useState('');
  const [showReplace, setShowReplace] = useState(mode === 'replace');
  const [message, setMessage] = useState('');
  const findRef = useRef<HTMLInputElement>(null);

  const current = matches.length ? matches[Math.min(index, matches.length - 1)]! : null;

  useEffect(() => {
    // After the frame, so the editor's own selection sync cannot take focus back.
    const id = requestAnimationFrame(() => {
      findRef.current?.focus();
      findRef.current?.select();
    });
    return () => cancelAnimationFrame(id);
  }, [mode]);
  useEffect(() => {
    if (mode === 'replace') setShowReplace(true);
  }, [mode]);
  // Told when the current match moves, not when the matches array is rebuilt around the same one.
  const currentBlock = current?.block;
  const currentStart = current?.start;
  const reportCurrent = useEffectEvent(onCurrentChange);
  useEffect(() => {
    reportCurrent(currentBlock && currentStart !== undefined ? { block: currentBlock, start: currentStart } : null);
  }, [currentBlock, currentStart]);

  const reveal = useCallback(
    (i: number) => {
      const m = matches[i];
      if (!m) return;
      // A match in a part of a long article not rendered yet: render it first (called from a key or click).
      revealBlocks(editor, [matchRange(m).anchor.path[0] ?? 0], true);
      scrollIntoViewSettled(() => {
        try {
          return ReactEditor.toDOMRange(editor, matchRange(m)).startContainer.parentElement;
        } catch {
          return null; // The match moved while the document changed; the next render shows it.
        }
      });
    },
    [editor, matches],
  );

  const go = (delta: 1 | -1) => {
    if (!matches.length) return;
    const next = (Math.min(index, matches.length - 1) + delta + matches.length) % matches.length;
    setIndex(next);
    reveal(next);
  };

  const close = () => {
    if (current) Transforms.select(editor, matchRange(current));
    onClose();
    ReactEditor.focus(editor);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    } else if (matchesHotkey('mod+h', e.nativeEvent)) {
      e.preventDefault();
      setShowReplace(true);
    } else if (matchesHotkey('mod+f', e.nativeEvent)) {
      e.preventDefault();
      findRef.current?.focus();
      findRef.current?.select();
    }
  };

  const count = options.query ? (matches.length ? `${Math.min(index, matches.length - 1) + 1} of ${matches.length}` : 'No results') : '';

  return (
    <div className="find-panel" role="search" aria-label="Find and replace" onKeyDown={onKeyDown}>
      <div className="find-row">
        <input
          ref={findRef}
          aria-label="Find"
          placeholder="Find in article"
          value={options.query}
          onChange={(e) => {
            onOptionsChange({ ...options, query: e.target.value });
            setIndex(0);
            setMessage('');
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              go(e.shiftKey ? -1 : 1);
            }
          }}
        />
        <output className="find-count" aria-live="polite" data-testid="find-count">
          {count}
        </output>
        <button type="button" aria-label="Previous match" onClick={() => go(-1)} disabled={!matches.length}>
          <ChevronUp size={14} aria-hidden="true" />
        </button>
        <button type="button" aria-label="Next match" onClick={() => go(1)} disabled={!matches.length}>
          <ChevronDown size={14} aria-hidden="true" />
        </button>
        <label className="find-option">
          <input type="checkbox" checked={options.caseSensitive} onChange={(e) => onOptionsChange({ ...options, caseSensitive: e.target.checked })} />
          Match case
        </label>
        <button type="button" className="link-button" aria-expanded={showReplace} onClick={() => setShowReplace((s) => !s)}>
          Replace…
        </button>
        <button type="button" aria-label="Close find" onClick={close}>
          <X size={14} aria-hidden="true" />
        </button>
      </div>
      {showReplace && (
        <div className="find-row">
          <input
            aria-label="Replace with"
            placeholder="Replace with"
            value={replacement}
            onChange={(e) => setReplacement(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && current) {
                e.preventDefault();
                replaceMatch(editor, current, replacement);
              }
            }}
          />
          <button type="button" disabled={!current} onClick={() => current && replaceMatch(editor, current, replacement)}>
            Replace
          </button>
          <button
            type="button"
            disabled={!matches.length}
            onClick={() => {
              const n = replaceAll(editor, options, replacement);
              setMessage(`Replaced ${n} ${n === 1 ? 'match' : 'matches'}.`);
            }}
          >
            Replace all
          </button>
          <span className="find-message" role="status">
            {message}
          </span>
        </div>
      )}
    </div>
  );
}
