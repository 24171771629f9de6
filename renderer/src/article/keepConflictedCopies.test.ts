// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IpcCallError } from '../../../shared/ipc/contract';

const calls: { method: string; request: unknown }[] = [];
vi.mock('../api/call', () => ({
  call: async (method: string, request: unknown) => {
    calls.push({ method, request });
    return {};
  },
}));
vi.mock('../api/transport', () => ({ api: {} }));

const { Autosave } = await import('./autosave');
const { keepConflictedCopies, registerLocalCopy, trackForTests } = await import('./useArticleAutosave');

afterEach(() => {
  calls.length = 0;
});

describe('closing the window with an article in conflict', () => {
  it('keeps the local text as a new article; saved articles are left alone', async () => {
    const conflicted = new Autosave({
      baseVersion: 1,
      updatedAt: '2026-01-01T00:00:00Z',
      delayMs: 0,
      save: async () => {
        throw new IpcCallError({ code: 'CONFLICT', message: 'changed elsewhere', details: { currentVersion: 2 } });
      },
    });
    const saved = new Autosave({ baseVersion: 1, updatedAt: '2026-01-01T00:00:00Z', save: async () => ({ version: 2, updatedAt: 'x' }) });
    const untrack = [trackForTests(conflicted), trackForTests(saved)];
    registerLocalCopy(conflicted, () => ({ headline: 'Ferry fares (B)', body: [{ type: 'paragraph', children: [{ text: 'mine' }] }] }));
    registerLocalCopy(saved, () => ({ headline: 'Other' }));
    conflicted.change({ headline: 'Ferry fares (B)' });
    await conflicted.flush();
    expect(conflicted.saveState.kind).toBe('conflict');

    await keepConflictedCopies();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.method).toBe('createArticle');
    const fields = (calls[0]!.request as { fields: { headline: string; body: unknown } }).fields;
    expect(fields.headline).toMatch(/^Ferry fares \(B\) \(unsaved copy, .+\)$/);
    expect(fields.body).toEqual([{ type: 'paragraph', children: [{ text: 'mine' }] }]);
    untrack.forEach((u) => u());
  });
});
