import { describe, expect, it } from 'vitest';
import type { BlockElement } from '../../model/document';
import { createBodyMirror, createBodyMirrorSender } from './bodyMirror';

const p = (text: string): BlockElement => ({ type: 'paragraph', children: [{ text }] }) as BlockElement;
/** Through a structured clone, as a worker receives it. */
const across = <T>(value: T): T => structuredClone(value);

describe('body mirror', () => {
  it('rebuilds the whole body through edits, moves, deletions and a reset, sending only new blocks', () => {
    const sender = createBodyMirrorSender();
    const mirror = createBodyMirror();
    let body = Array.from({ length: 1000 }, (_, i) => p(`Paragraph ${i}`));
    let delta = sender.delta(body);
    expect(delta.added).toHaveLength(1000);
    expect(mirror.apply(across(delta))).toEqual(body);

    // One block typed into: one block sent.
    body = body.map((b, i) => (i === 500 ? p('Paragraph 500, edited') : b));
    delta = sender.delta(body);
    expect(delta.added.map(([, b]) => b)).toEqual([p('Paragraph 500, edited')]);
    expect(mirror.apply(across(delta))).toEqual(body);

    // Moved, removed and inserted blocks: only the inserted one goes.
    body = [body[999]!, ...body.slice(1, 400), p('New'), ...body.slice(600, 999)];
    delta = sender.delta(body);
    expect(delta.added.map(([, b]) => b)).toEqual([p('New')]);
    expect(mirror.apply(across(delta))).toEqual(body);

    // A block that left and came back (undo) is sent again: the mirror let it go.
    const undone = [...body, body[1]!];
    body = body.slice(0, 1).concat(body.slice(2));
    expect(mirror.apply(across(sender.delta(body)))).toEqual(body);
    expect(mirror.apply(across(sender.delta(undone)))).toEqual(undone);

    // A new worker: after a reset every block goes again.
    const fresh = createBodyMirror();
    sender.reset();
    delta = sender.delta(undone);
    expect(delta.added).toHaveLength(undone.length);
    expect(fresh.apply(across(delta))).toEqual(undone);
  });

  it('sends the same block object twice in one body as two blocks', () => {
    const sender = createBodyMirrorSender();
    const mirror = createBodyMirror();
    const same = p('Twice');
    const body = [same, p('Between'), same];
    expect(mirror.apply(across(sender.delta(body)))).toEqual(body);
    expect(mirror.apply(across(sender.delta(body)))).toEqual(body);
  });

  it('refuses a delta that names a block it never had, rather than checking a wrong body', () => {
    const mirror = createBodyMirror();
    expect(() => mirror.apply({ order: [7], added: [] })).toThrow(/no block 7/);
  });
});
