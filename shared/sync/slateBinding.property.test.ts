/**
 * Slate editors bound to their own Y.Doc with @slate-yjs/core (through `withArticleBody`, the fix we
 * carry), as desks would be: built from the same server state, with the article's own editing rules,
 * random edits (typing, deleting, Enter, Backspace at a block's start, marks, block styles, blocks
 * inserted, removed and moved down to the last one, undo/redo), their updates relayed by a server
 * document with random delays, reordering and dropped connections. At the end every document, the
 * server's and every editor agree, and each editor shows what `readArticleDoc` reads.
 * The examples after the property are the cases it found, kept as plain tests.
 */
import fc from 'fast-check';
import { createEditor, Editor, Node, Text, Transforms, type Descendant, type Point } from 'slate';
import { withYHistory, withYjs, YjsEditor, type YHistoryEditor } from '@slate-yjs/core';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { emptyArticleFields } from '../model/article';
import type { ArticleBody, Mark } from '../model/document';
import { MARKS } from '../model/document';
import { withArticleSchema } from '../editor/normalize';
import { withBlockBreaks } from '../editor/blockBreaks';
import { withLists } from '../editor/lists';
import { withPromoBox } from '../editor/promoBox';
import { BLOCK_STYLES, setBlockStyle } from '../editor/blockStyles';
import { toggleMark } from '../editor/marks';
import { articleToDoc, bodyType, docToArticleFields, readArticleDoc } from './articleDoc';
import { applyRemoteUpdate, withArticleBody } from './slateBinding';

const REMOTE = Symbol('remote');

type DeskEditor = Editor & YjsEditor & YHistoryEditor;
type Peer = {
  name: string;
  doc: Y.Doc;
  editor: DeskEditor;
  online: boolean;
  /** Updates on their way to the hub (lost when the connection drops). */
  outbox: Uint8Array[];
  /** Updates on their way from the hub. */
  inbox: Uint8Array[];
};

function deskEditor(doc: Y.Doc): DeskEditor {
  const editor = withLists(withPromoBox(withBlockBreaks(withArticleSchema(withArticleBody(createEditor(), doc)))));
  YjsEditor.connect(editor);
  return editor as DeskEditor;
}

const INITIAL: ArticleBody = [
  { type: 'heading', level: 1, children: [{ text: 'Harbour wall' }] },
  { type: 'paragraph', children: [{ text: 'The council ' }, { text: 'voted', bold: true }, { text: ' on Thursday.' }] },
  {
    type: 'paragraph',
    children: [{ text: 'See ' }, { type: 'link', url: 'https://example.org/', children: [{ text: 'the report' }] }, { text: ' today.' }],
  },
  { type: 'list-item', list: 'bulleted', depth: 0, children: [{ text: 'gates' }] },
  { type: 'list-item', list: 'bulleted', depth: 1, children: [{ text: 'seabed' }] },
  { type: 'section-break', children: [{ text: '' }] },
  { type: 'block-quote', children: [{ text: 'It floods every winter.' }] },
];

const settle = () => new Promise<void>((resolve) => queueMicrotask(resolve));

function makePeers(count: number, body: ArticleBody): { hub: Y.Doc; peers: Peer[] } {
  const hub = articleToDoc({ ...emptyArticleFields(), body });
  const state = Y.encodeStateAsUpdate(hub);
  const peers = Array.from({ length: count }, (_, i) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state, REMOTE);
    const peer: Peer = { name: `desk${i}`, doc, editor: deskEditor(doc), online: true, outbox: [], inbox: [] };
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE && peer.online) peer.outbox.push(update);
    });
    return peer;
  });
  // The server passes on every change of its document, its own included: Yjs tidies concurrent
  // formatting of a text in a transaction of its own on each replica that receives it.
  hub.on('update', (update: Uint8Array, origin: unknown) => {
    for (const peer of peers) if (peer !== origin && peer.online) peer.inbox.push(update);
  });
  return { hub, peers };
}

/** A point in the editor chosen from two numbers (any numbers: the choice follows the document). */
function pointAt(editor: Editor, a: number, b: number): Point {
  const texts = Array.from(Node.texts(editor));
  const [text, path] = texts[a % texts.length]!;
  return { path, offset: b % (text.text.length + 1) };
}

function send(hub: Y.Doc, from: Peer, update: Uint8Array) {
  Y.applyUpdate(hub, update, from);
}

function reconnect(hub: Y.Doc, peers: Peer[], peer: Peer) {
  peer.online = true;
  // The handshake: each side sends what the other lacks (the server passes the desk's on to the others).
  send(hub, peer, Y.encodeStateAsUpdate(peer.doc, Y.encodeStateVector(hub)));
  peer.inbox.push(Y.encodeStateAsUpdate(hub, Y.encodeStateVector(peer.doc)));
}

const opArb = fc.record({
  peer: fc.nat(2),
  kind: fc.constantFrom(
    'type',
    'type',
    'delete',
    'enter',
    'backspace-at-start',
    'mark',
    'style',
    'insert-block',
    'remove-block',
    'move-block',
    'undo',
    'redo',
    'deliver',
    'deliver',
    'deliver',
    'disconnect',
    'reconnect',
  ),
  a: fc.nat(1_000),
  b: fc.nat(1_000),
  c: fc.nat(1_000),
  text: fc.constantFrom('a', 'ab', 'word ', ' ', 'é', '“x”'),
  /** Whether the task ends after this step (Slate writes local operations to Yjs in a microtask). */
  settle: fc.boolean(),
});
type Op = (typeof opArb extends fc.Arbitrary<infer T> ? T : never) & { peer: number };

function runLocal(peer: Peer, op: Op) {
  const { editor } = peer;
  const { a, b, c } = op;
  switch (op.kind) {
    case 'type':
      Transforms.select(editor, pointAt(editor, a, b));
      Editor.insertText(editor, op.text);
      return;
    case 'delete': {
      const anchor = pointAt(editor, a, b);
      const focus = pointAt(editor, a + (c % 3), c);
      Transforms.select(editor, { anchor, focus });
      Editor.deleteFragment(editor);
      return;
    }
    case 'enter':
      Transforms.select(editor, pointAt(editor, a, b));
      editor.insertBreak();
      return;
    case 'backspace-at-start': {
      const index = a % editor.children.length;
      Transforms.select(editor, Editor.start(editor, [index]));
      editor.deleteBackward('character');
      return;
    }
    case 'mark': {
      const anchor = pointAt(editor, a, b);
      const focus = pointAt(editor, a + (c % 2), c);
      Transforms.select(editor, { anchor, focus });
      toggleMark(editor, MARKS[c % MARKS.length] as Mark);
      return;
    }
    case 'style': {
      Transforms.select(editor, pointAt(editor, a, b));
      setBlockStyle(editor, BLOCK_STYLES[c % BLOCK_STYLES.length]!);
      return;
    }
    case 'insert-block': {
      const at = [a % (editor.children.length + 1)];
      const block: Descendant = b % 3 === 0 ? { type: 'section-break', children: [{ text: '' }] } : { type: 'paragraph', children: [{ text: `new ${b}` }] };
      Transforms.insertNodes(editor, block, { at });
      return;
    }
    case 'remove-block':
      Transforms.removeNodes(editor, { at: [a % editor.children.length] });
      return;
    case 'move-block': {
      const n = editor.children.length;
      Transforms.moveNodes(editor, { at: [a % n], to: [b % n] });
      return;
    }
    case 'undo':
      editor.undo();
      return;
    case 'redo':
      editor.redo();
      return;
  }
}

async function runNetwork(hub: Y.Doc, peers: Peer[], peer: Peer, op: Op) {
  switch (op.kind) {
    case 'deliver': {
      // One message, picked at random among those in flight: updates arrive reordered.
      const queues = peers.flatMap((p) => [...(p.outbox.length ? [{ p, box: 'out' as const }] : []), ...(p.inbox.length ? [{ p, box: 'in' as const }] : [])]);
      if (queues.length === 0) return;
      const { p, box } = queues[op.a % queues.length]!;
      const queue = box === 'out' ? p.outbox : p.inbox;
      const [update] = queue.splice(op.b % queue.length, 1);
      if (box === 'out') send(hub, p, update!);
      else applyRemoteUpdate(p.editor, update!, REMOTE);
      return;
    }
    case 'disconnect':
      peer.online = false;
      peer.inbox.length = 0;
      peer.outbox.length = 0;
      return;
    case 'reconnect':
      if (!peer.online) reconnect(hub, peers, peer);
      return;
  }
}

async function quiesce(hub: Y.Doc, peers: Peer[]) {
  for (const peer of peers) if (!peer.online) reconnect(hub, peers, peer);
  for (let round = 0; round < 50; round++) {
    await settle();
    let moved = false;
    for (const p of peers) {
      for (const update of p.outbox.splice(0)) {
        send(hub, p, update);
        moved = true;
      }
    }
    for (const p of peers) {
      for (const update of p.inbox.splice(0)) {
        applyRemoteUpdate(p.editor, update, REMOTE);
        moved = true;
      }
    }
    if (!moved) return;
  }
  throw new Error('the desks kept sending changes after 50 rounds (a normalization ping-pong)');
}

const contentOf = (doc: Y.Doc) => JSON.stringify(docToArticleFields(doc));

/**
 * The editor's children as the document can hold them: Yjs keeps no empty text runs, so the marks
 * of an empty leaf (Slate keeps them where the writer set them on nothing) exist only in that editor.
 */
function asStored(nodes: readonly Descendant[]): Descendant[] {
  return nodes.map((node) => {
    if (Text.isText(node)) return node.text === '' ? { text: '' } : node;
    return { ...node, children: asStored(node.children) } as Descendant;
  });
}

/** Runs edits on `count` desks and checks they end identical, each editor showing what its document reads. */
async function converges(count: number, oneBlock: boolean, ops: Op[]): Promise<void> {
  const body: ArticleBody = oneBlock ? [{ type: 'paragraph', children: [{ text: 'Only' }] }] : structuredClone(INITIAL);
  const { hub, peers } = makePeers(count, body);
  for (const op of ops) {
    const peer = peers[op.peer % count]!;
    if (op.kind === 'deliver' || op.kind === 'disconnect' || op.kind === 'reconnect') await runNetwork(hub, peers, peer, op);
    else runLocal(peer, op);
    if (op.settle) await settle();
  }
  await quiesce(hub, peers);
  const expected = contentOf(hub);
  for (const peer of peers) {
    expect(contentOf(peer.doc)).toBe(expected);
    const read = readArticleDoc(peer.doc);
    if (!read.ok)
      throw new Error(
        `${read.reason} ${JSON.stringify(
          bodyType(peer.doc)
            .toDelta()
            .slice(0, 2)
            .map((d: { insert: unknown }) => (d.insert instanceof Y.XmlText ? d.insert.getAttributes() : d.insert)),
        )}`,
      );
    expect(asStored(peer.editor.children)).toEqual(read.fields.body);
  }
}

describe('Slate editors bound with @slate-yjs/core converge (property)', () => {
  it('random edits on two or three desks, with reordered updates and disconnects, end in identical documents and editors', async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: 2, max: 3 }), fc.boolean(), fc.array(opArb, { minLength: 1, maxLength: 40 }), converges), {
      numRuns: Number(process.env.RUNS ?? 400),
    });
  });

  // Fails without the fix scripts/patch-deps.mjs carries for @slate-yjs/core (the other desk showed "aaO" in italics).
  it('text typed before a word formatted in the same change stays unformatted on the other desk (found by the property)', async () => {
    const at = { a: 0, b: 0, c: 0, text: 'a' as const };
    await expect(
      converges(2, true, [
        { peer: 0, kind: 'type', ...at, settle: false },
        { peer: 0, kind: 'mark', ...at, b: 158, c: 79, settle: false },
        { peer: 0, kind: 'type', ...at, settle: false },
      ]),
    ).resolves.toBeUndefined();
  });

  // Also the fix scripts/patch-deps.mjs carries: the closing quote's insert joined the node the opening one formatted.
  it('text typed and partly formatted in one change at the start of a heading keeps its formatting apart (found by the property)', async () => {
    const at = { a: 0, b: 0, c: 0, text: 'a' as const };
    await expect(
      converges(2, false, [
        { peer: 0, kind: 'type', ...at, text: '“x”', settle: false },
        { peer: 0, kind: 'mark', ...at, b: 1, c: 3, settle: false },
      ]),
    ).resolves.toBeUndefined();
  });

  it('undoing a block’s removal that another desk restyled meanwhile leaves a block that reads (found by the property)', async () => {
    const at = { a: 0, b: 0, c: 0, text: 'a' as const };
    await expect(
      converges(3, false, [
        { peer: 1, kind: 'remove-block', ...at, settle: false },
        { peer: 2, kind: 'style', ...at, settle: true },
        { peer: 0, kind: 'deliver', ...at, a: 267, settle: false },
        { peer: 0, kind: 'deliver', ...at, a: 122, settle: false },
        { peer: 1, kind: 'undo', ...at, settle: false },
      ]),
    ).resolves.toBeUndefined();
  });
});

// ---- The cases the property found -------------------------------------------------

/** Two desks on the same body, without the hub: updates are handed over by the test. */
function twoDesks(body: ArticleBody, bind: (doc: Y.Doc) => DeskEditor = deskEditor) {
  const state = Y.encodeStateAsUpdate(articleToDoc({ ...emptyArticleFields(), body }));
  return [0, 1].map(() => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state, REMOTE);
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE) updates.push(update);
    });
    return { doc, editor: bind(doc), updates };
  });
}

const LINKED: ArticleBody = [
  { type: 'paragraph', children: [{ text: 'See ' }, { type: 'link', url: 'https://example.org/', children: [{ text: 'the report' }] }, { text: '.' }] },
];

describe('the binding with the fix we carry (slateBinding.ts)', () => {
  it('writes what normalization did after a remote change before the next remote update arrives (upstream: "Path doesn’t match yText")', async () => {
    // Typing at the start of a link's text reaches the other desk as a new text node, which Slate's
    // normalization merges into its neighbour: a local merge_node, waiting for onChange.
    const run = async (bind?: (doc: Y.Doc) => DeskEditor) => {
      const [a, b] = twoDesks(LINKED, bind);
      Transforms.select(a!.editor, { path: [0, 1, 0], offset: 0 });
      Editor.insertText(a!.editor, 'read ');
      await settle();
      Transforms.insertNodes(a!.editor, { type: 'section-break', children: [{ text: '' }] } as Descendant, { at: [0] });
      await settle();
      // Both updates reach the other desk in one task (a provider reading two messages of one packet).
      for (const update of a!.updates) Y.applyUpdate(b!.doc, update, REMOTE);
      await settle();
      return [a!, b!] as const;
    };
    const upstream = (doc: Y.Doc) => {
      const editor = withArticleSchema(withYHistory(withYjs(createEditor(), bodyType(doc))));
      YjsEditor.connect(editor);
      return editor as DeskEditor;
    };
    await expect(run(upstream)).rejects.toThrow("Path doesn't match yText");
    const [a, b] = await run();
    expect(contentOf(b.doc)).toBe(contentOf(a.doc));
    expect(asStored(b.editor.children)).toEqual(docToArticleFields(b.doc).body);
    expect(JSON.stringify(b.editor.children)).toContain('read the report');
  });

  it('writes what the writer typed in this task before applying a remote update (applyRemoteUpdate)', async () => {
    const run = async (apply: (editor: DeskEditor, update: Uint8Array) => void) => {
      const [a, b] = twoDesks([{ type: 'paragraph', children: [{ text: 'Harbour' }] }]);
      Transforms.select(a!.editor, { path: [0, 0], offset: 0 });
      Editor.insertText(a!.editor, 'The ');
      await settle();
      // The other desk types, and the first desk's update arrives before Slate's onChange.
      Transforms.select(b!.editor, { path: [0, 0], offset: 7 });
      Editor.insertText(b!.editor, ' wall');
      for (const update of a!.updates) apply(b!.editor, update);
      await settle();
      for (const update of b!.updates) applyRemoteUpdate(a!.editor, update, REMOTE);
      await settle();
      return [a!, b!] as const;
    };
    // Applied straight to the document, the waiting insert lands where the text used to be.
    const [, direct] = await run((editor, update) => Y.applyUpdate(editor.sharedRoot.doc!, update, REMOTE));
    expect(docToArticleFields(direct.doc).body).not.toEqual(direct.editor.children);
    const [a, b] = await run((editor, update) => applyRemoteUpdate(editor, update, REMOTE));
    for (const desk of [a, b]) {
      expect(docToArticleFields(desk.doc).body).toEqual([{ type: 'paragraph', children: [{ text: 'The Harbour wall' }] }]);
      expect(desk.editor.children).toEqual(docToArticleFields(desk.doc).body);
    }
  });

  it('keeps a block valid when two desks give it different styles at once (a quote does not keep a heading’s level)', async () => {
    const [a, b] = twoDesks([{ type: 'paragraph', children: [{ text: 'Only' }] }]);
    Transforms.select(a!.editor, { path: [0, 0], offset: 0 });
    setBlockStyle(a!.editor, 'heading-1');
    Transforms.select(b!.editor, { path: [0, 0], offset: 0 });
    setBlockStyle(b!.editor, 'block-quote');
    await settle();
    // Merged attribute by attribute: b's type wins, a's level stays. Read, it is already a quote.
    const merged = new Y.Doc();
    for (const update of [Y.encodeStateAsUpdate(a!.doc), Y.encodeStateAsUpdate(b!.doc)]) Y.applyUpdate(merged, update);
    const read = readArticleDoc(merged);
    expect(read.ok).toBe(true);
    // The editors drop the stray attribute and write that back, so the documents are clean too.
    for (const update of a!.updates) applyRemoteUpdate(b!.editor, update, REMOTE);
    for (const update of b!.updates.splice(0)) applyRemoteUpdate(a!.editor, update, REMOTE);
    await settle();
    for (const update of [...a!.updates, ...b!.updates]) {
      applyRemoteUpdate(a!.editor, update, REMOTE);
      applyRemoteUpdate(b!.editor, update, REMOTE);
    }
    await settle();
    expect(contentOf(a!.doc)).toBe(contentOf(b!.doc));
    const block = bodyType(a!.doc).toDelta()[0].insert as Y.XmlText;
    const attributes = block.getAttributes();
    expect(Object.keys(attributes).filter((k) => k !== 'type' && k !== 'level')).toEqual([]);
    expect(read.ok && read.fields.body[0]).toEqual({
      ...(attributes.type === 'heading' ? { level: 1 } : {}),
      type: attributes.type,
      children: [{ text: 'Only' }],
    });
    expect(a!.editor.children).toEqual(docToArticleFields(a!.doc).body);
  });
});

describe('a limitation of Yjs 13.6 itself (no Slate involved)', () => {
  // Two desks italicize the same letter at once. Each replica that reads `event.delta` (every editor
  // binding does) tidies the duplicate format marks in a transaction of its own, and so does the
  // server; together they delete both marks. The documents still converge, without the italic.
  // `it.fails`: when a Yjs release fixes this, this test fails and can become a plain one.
  it.fails('keeps a mark that two desks set on the same letter at once, in a block nested in the body', () => {
    const root = (d: Y.Doc) => d.get('body', Y.XmlText) as Y.XmlText;
    const block = (d: Y.Doc) => root(d).toDelta()[0].insert as Y.XmlText;
    const base = new Y.Doc();
    const text = new Y.XmlText();
    text.insert(0, 'gates');
    root(base).insertEmbed(0, text);
    const [server, a, b] = [0, 1, 2].map(() => {
      const d = new Y.Doc();
      Y.applyUpdate(d, Y.encodeStateAsUpdate(base));
      return d;
    }) as [Y.Doc, Y.Doc, Y.Doc];
    for (const d of [a, b]) root(d).observeDeep((events) => events.forEach((e) => (e as Y.YTextEvent).delta));
    const queue: Array<{ to: Y.Doc; update: Uint8Array; from: unknown }> = [];
    for (const [d, name] of [
      [a, 'a'],
      [b, 'b'],
    ] as const) {
      d.on('update', (update: Uint8Array, origin: unknown) => origin !== server && queue.push({ to: server, update, from: name }));
    }
    server.on('update', (update: Uint8Array, origin: unknown) => {
      for (const [d, name] of [
        [a, 'a'],
        [b, 'b'],
      ] as const)
        if (origin !== name) queue.push({ to: d, update, from: server });
    });
    block(a).format(0, 1, { italic: true });
    block(b).format(0, 1, { italic: true });
    while (queue.length > 0) {
      const { to, update, from } = queue.shift()!;
      Y.applyUpdate(to, update, from);
    }
    for (const d of [server, a, b]) expect(block(d).toDelta()).toEqual([{ insert: 'g', attributes: { italic: true } }, { insert: 'ates' }]);
  });
});
