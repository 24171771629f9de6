/**
 * Presence in the article view: who else has it open (initials in their colour, at the top of the
 * article) and their cursors and selections in the body, each with their name. Cursors arrive as Yjs
 * relative positions, so they stay on the same characters while anyone types.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { Range, type Editor, type Point } from 'slate';
import { ReactEditor, useSlateSelector, useSlateStatic } from 'slate-react';
import { relativePositionToSlatePoint, slateRangeToRelativeRange, YjsEditor } from '@slate-yjs/core';
import * as Y from 'yjs';
import { initials, type Peer, type PresenceCursor, type RelativePositionJson } from '../../../shared/sync/presence';
import './sync.css';

export type PresenceSource = {
  sendCursor: (cursor: PresenceCursor | null) => void;
  peers: () => Peer[];
  onPeers: (listener: () => void) => () => void;
};

const usePeers = (source: PresenceSource) => useSyncExternalStore(source.onPeers, source.peers);

/** Names at the top of the article: who else is here. */
export function PresenceBar({ source }: { source: PresenceSource }) {
  const peers = usePeers(source);
  // One chip per person, though they may have it open twice.
  const people = [...new Map(peers.map((p) => [p.name, p])).values()];
  if (people.length === 0) return null;
  const names = people.map((p) => p.name).join(', ');
  return (
    <ul className="presence-bar" aria-label={`Also on this article: ${names}`}>
      {people.map((p) => (
        <li key={p.name} className="presence-chip" style={{ background: p.color }} title={p.name}>
          <span aria-hidden="true">{initials(p.name)}</span>
          <span className="visually-hidden">{p.name}</span>
        </li>
      ))}
    </ul>
  );
}

const toPoint = (editor: Editor, json: RelativePositionJson): Point | null => {
  try {
    return relativePositionToSlatePoint((editor as unknown as YjsEditor).sharedRoot, editor, Y.createRelativePositionFromJSON(json));
  } catch {
    return null;
  }
};

type Drawn = { key: number; name: string; color: string; caret: DOMRect; marks: DOMRect[] };

/** Sends this desk's selection and draws the others' (inside the editor's positioned page). */
export function PresenceCursors({ source, frame }: { source: PresenceSource; frame: HTMLElement | null }) {
  const editor = useSlateStatic();
  const selection = useSlateSelector((e) => e.selection);
  const peers = usePeers(source);
  // Only while someone else is here (and at once when they arrive): alone, the cursor need not travel.
  const watched = peers.length > 0;
  useEffect(() => {
    if (!watched || !YjsEditor.isYjsEditor(editor) || !YjsEditor.connected(editor)) return;
    if (!selection) return source.sendCursor(null);
    try {
      const range = slateRangeToRelativeRange(editor.sharedRoot, editor, selection);
      source.sendCursor({ anchor: Y.relativePositionToJSON(range.anchor), head: Y.relativePositionToJSON(range.focus) });
    } catch {
      // A selection in a block being rewritten: the next one will do.
    }
  }, [editor, selection, source, watched]);

  // Redrawn as the text changes under the cursors (and on scroll and resize, below); alone, never.
  const children = useSlateSelector((e) => (watched ? e.children : null));
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const redraw = () => setTick((t) => t + 1);
    window.addEventListener('resize', redraw);
    document.addEventListener('scroll', redraw, true);
    return () => {
      window.removeEventListener('resize', redraw);
      document.removeEventListener('scroll', redraw, true);
    };
  }, []);
  const [drawn, setDrawn] = useState<Drawn[]>([]);
  useEffect(() => {
    if (!frame || !YjsEditor.isYjsEditor(editor) || peers.length === 0) return setDrawn((prev) => (prev.length === 0 ? prev : []));
    const base = frame.getBoundingClientRect();
    const next: Drawn[] = [];
    for (const peer of peers) {
      if (!peer.cursor) continue;
      const anchor = toPoint(editor, peer.cursor.anchor);
      const head = toPoint(editor, peer.cursor.head);
      if (!anchor || !head) continue;
      try {
        const caret = ReactEditor.toDOMRange(editor, { anchor: head, focus: head }).getBoundingClientRect();
        const range = { anchor, focus: head };
        const marks = Range.isCollapsed(range) ? [] : [...ReactEditor.toDOMRange(editor, range).getClientRects()];
        const shift = (r: DOMRect) => new DOMRect(r.left - base.left, r.top - base.top, r.width, r.height);
        next.push({ key: peer.clientId, name: peer.name, color: peer.color, caret: shift(caret), marks: marks.map(shift) });
      } catch {
        // Not on screen in the DOM (yet): drawn at the next change.
      }
    }
    setDrawn(next);
  }, [editor, frame, peers, children, tick]);

  return (
    <div className="presence-cursors" aria-hidden="true">
      {drawn.map((d) => (
        <div key={d.key} data-testid="remote-cursor" data-name={d.name}>
          {d.marks.map((r, i) => (
            <div key={i} className="presence-selection" style={{ left: r.left, top: r.top, width: r.width, height: r.height, background: d.color }} />
          ))}
          <div className="presence-caret" style={{ left: d.caret.left, top: d.caret.top, height: d.caret.height || 20, background: d.color }}>
            <span className="presence-label" style={{ background: d.color }}>
              {d.name}
            </span>
          </div>
        </div>
      ))}
    </div>
  );
}
