import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IpcCallError, type SaveResult } from '../../../shared/ipc/contract';
import type { ArticlePatch } from '../../../shared/model/article';
import { Autosave, type SaveState } from './autosave';

/** A save function under the test's control: each call waits until resolved or rejected by the test. */
function fakeSave() {
  const calls: Array<{ baseVersion: number; patch: ArticlePatch; resolve: (r: SaveResult) => void; reject: (e: unknown) => void }> = [];
  const save = vi.fn(
    (baseVersion: number, patch: ArticlePatch) =>
      new Promise<SaveResult>((resolve, reject) => {
        calls.push({ baseVersion, patch, resolve, reject });
      }),
  );
  return { save, calls };
}

function setup(baseVersion = 1) {
  const { save, calls } = fakeSave();
  const states: SaveState[] = [];
  const autosave = new Autosave({ save, baseVersion, updatedAt: 't0', onState: (s) => states.push(s) });
  return { autosave, save, calls, states };
}

const ok = (version: number) => ({ version, updatedAt: `t${version}` });
const conflict = (currentVersion: number) => new IpcCallError({ code: 'CONFLICT', message: 'x', details: { currentVersion } });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Autosave', () => {
  it('saves about 700 ms after the last change, not before', async () => {
    const { autosave, save, calls } = setup();
    autosave.change({ headline: 'a' });
    expect(autosave.saveState.kind).toBe('dirty');
    await vi.advanceTimersByTimeAsync(699);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(calls[0]).toMatchObject({ baseVersion: 1, patch: { headline: 'a' } });
    expect(autosave.saveState.kind).toBe('saving');
    calls[0]!.resolve(ok(2));
    await vi.advanceTimersByTimeAsync(0);
    expect(autosave.saveState).toEqual({ kind: 'saved', at: 't2' });
    expect(autosave.baseVersion).toBe(2);
    expect(autosave.dirty).toBe(false);
  });

  it('each change restarts the pause and many changes make one save with the latest values', async () => {
    const { autosave, save, calls } = setup();
    for (let i = 0; i < 10; i++) {
      autosave.change({ headline: `h${i}` });
      if (i === 5) autosave.change({ dek: 'dek' });
      await vi.advanceTimersByTimeAsync(500);
    }
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    expect(save).toHaveBeenCalledTimes(1);
    expect(calls[0]!.patch).toEqual({ headline: 'h9', dek: 'dek' });
  });

  it('tells the view it is dirty once per burst of typing, not on every keystroke', () => {
    const { autosave, states } = setup();
    for (let i = 0; i < 20; i++) autosave.change({ headline: `H${i}` });
    expect(states.map((s) => s.kind)).toEqual(['dirty']);
  });

  it('flush() saves at once', async () => {
    const { autosave, save, calls } = setup();
    autosave.change({ headline: 'now' });
    const flushed = autosave.flush();
    expect(save).toHaveBeenCalledTimes(1);
    let done = false;
    void flushed.then(() => (done = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(false); // still waiting for the save
    calls[0]!.resolve(ok(2));
    await flushed;
    expect(autosave.saveState.kind).toBe('saved');
    // And no second save later from the cancelled timer.
    await vi.advanceTimersByTimeAsync(5_000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('flush() with nothing pending does not save', async () => {
    const { autosave, save } = setup();
    await autosave.flush();
    expect(save).not.toHaveBeenCalled();
  });

  it('flush() waits for an in-flight save, then saves what was typed meanwhile with the new version', async () => {
    const { autosave, calls } = setup();
    autosave.change({ headline: 'first' });
    await vi.advanceTimersByTimeAsync(700);
    expect(calls).toHaveLength(1);
    autosave.change({ headline: 'second' });
    expect(autosave.dirty).toBe(true);
    const flushed = autosave.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1); // not two saves at once
    calls[0]!.resolve(ok(2));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(2);
    expect(calls[1]).toMatchObject({ baseVersion: 2, patch: { headline: 'second' } });
    calls[1]!.resolve(ok(3));
    await flushed;
    expect(autosave.baseVersion).toBe(3);
    expect(autosave.dirty).toBe(false);
  });

  it('two flushes at once both wait until everything is stored', async () => {
    const { autosave, calls } = setup();
    autosave.change({ headline: 'first' });
    await vi.advanceTimersByTimeAsync(700);
    autosave.change({ headline: 'second' });
    let firstDone = false;
    let secondDone = false;
    void autosave.flush().then(() => (firstDone = true));
    void autosave.flush().then(() => (secondDone = true));
    calls[0]!.resolve(ok(2));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(2);
    // "second" is not stored yet: neither flush may report done.
    expect(firstDone).toBe(false);
    expect(secondDone).toBe(false);
    calls[1]!.resolve(ok(3));
    await vi.advanceTimersByTimeAsync(0);
    expect(firstDone && secondDone).toBe(true);
  });

  it('changes during an in-flight save are saved next, with the new baseVersion', async () => {
    const { autosave, calls, states } = setup();
    autosave.change({ headline: 'one' });
    await vi.advanceTimersByTimeAsync(700);
    autosave.change({ dek: 'two' });
    calls[0]!.resolve(ok(2));
    await vi.advanceTimersByTimeAsync(0);
    expect(autosave.saveState.kind).toBe('dirty'); // not "saved" while edits are pending
    await vi.advanceTimersByTimeAsync(700);
    expect(calls).toHaveLength(2);
    expect(calls[1]).toMatchObject({ baseVersion: 2, patch: { dek: 'two' } });
    calls[1]!.resolve(ok(3));
    await vi.advanceTimersByTimeAsync(0);
    expect(states.at(-1)).toEqual({ kind: 'saved', at: 't3' });
  });

  it('an error keeps the edits, shows error and retries; newer edits win', async () => {
    const { autosave, calls } = setup();
    autosave.change({ headline: 'kept', dek: 'kept too' });
    await vi.advanceTimersByTimeAsync(700);
    calls[0]!.reject(new Error('disk full'));
    await vi.advanceTimersByTimeAsync(0);
    expect(autosave.saveState).toEqual({ kind: 'error', message: 'disk full' });
    expect(autosave.pendingPatch).toEqual({ headline: 'kept', dek: 'kept too' });
    expect(autosave.dirty).toBe(true);
    autosave.change({ dek: 'newer' });
    expect(autosave.saveState.kind).toBe('error'); // the error stays visible until a save works
    await vi.advanceTimersByTimeAsync(700);
    expect(calls).toHaveLength(2);
    expect(calls[1]).toMatchObject({ baseVersion: 1, patch: { headline: 'kept', dek: 'newer' } });
    calls[1]!.resolve(ok(2));
    await vi.advanceTimersByTimeAsync(0);
    expect(autosave.saveState.kind).toBe('saved');
  });

  it('retries on its own after a failure', async () => {
    const { autosave, calls } = setup();
    autosave.change({ headline: 'x' });
    await vi.advanceTimersByTimeAsync(700);
    calls[0]!.reject(new IpcCallError({ code: 'INTERNAL', message: 'busy' }));
    await vi.advanceTimersByTimeAsync(2_999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.patch).toEqual({ headline: 'x' });
  });

  it('CONFLICT stops saving and holds the edits', async () => {
    const { autosave, calls } = setup();
    autosave.change({ headline: 'mine' });
    await vi.advanceTimersByTimeAsync(700);
    calls[0]!.reject(conflict(5));
    await vi.advanceTimersByTimeAsync(0);
    expect(autosave.saveState).toEqual({ kind: 'conflict', message: 'x', currentVersion: 5 });
    autosave.change({ dek: 'more' });
    await vi.advanceTimersByTimeAsync(60_000);
    await autosave.flush();
    expect(calls).toHaveLength(1);
    expect(autosave.saveState.kind).toBe('conflict');
    expect(autosave.pendingPatch).toEqual({ headline: 'mine', dek: 'more' });
  });

  it('overwrite(5, fields) saves with baseVersion 5, local edits over the full fields', async () => {
    const { autosave, calls } = setup();
    autosave.change({ headline: 'mine' });
    await vi.advanceTimersByTimeAsync(700);
    calls[0]!.reject(conflict(5));
    await vi.advanceTimersByTimeAsync(0);
    const done = autosave.overwrite(5, { headline: 'full', dek: 'full dek' });
    expect(calls).toHaveLength(2);
    expect(calls[1]).toMatchObject({ baseVersion: 5, patch: { headline: 'mine', dek: 'full dek' } });
    calls[1]!.resolve(ok(6));
    await done;
    expect(autosave.saveState).toEqual({ kind: 'saved', at: 't6' });
    expect(autosave.baseVersion).toBe(6);
  });

  it('discard() drops pending edits and takes the stored version', async () => {
    const { autosave, save, calls } = setup();
    autosave.change({ headline: 'mine' });
    await vi.advanceTimersByTimeAsync(700);
    calls[0]!.reject(conflict(5));
    await vi.advanceTimersByTimeAsync(0);
    autosave.discard(5, 't5');
    expect(autosave.saveState).toEqual({ kind: 'saved', at: 't5' });
    expect(autosave.pendingPatch).toBeUndefined();
    expect(autosave.dirty).toBe(false);
    await autosave.flush();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(save).toHaveBeenCalledTimes(1);
    autosave.change({ dek: 'after' });
    await vi.advanceTimersByTimeAsync(700);
    expect(calls[1]).toMatchObject({ baseVersion: 5, patch: { dek: 'after' } });
  });

  it('discard() also cancels a scheduled save', async () => {
    const { autosave, save } = setup();
    autosave.change({ headline: 'typed' });
    autosave.discard(1, 't1');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(save).not.toHaveBeenCalled();
  });

  it('dispose() cancels the pending timer', async () => {
    const { autosave, save } = setup();
    autosave.change({ headline: 'x' });
    autosave.dispose();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(save).not.toHaveBeenCalled();
  });
});
