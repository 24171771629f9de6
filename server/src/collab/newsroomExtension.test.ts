import { Hocuspocus } from '@hocuspocus/server';
import { describe, expect, it } from 'vitest';
import { NewsroomExtension } from './newsroomExtension';

describe('a connection joining its document after its session ended', () => {
  // The race multiServer.test.ts ran into: authenticated just before a sign-out, joined just after it,
  // when closeSession had already looked at the document's connections.
  it('is closed with the sign-out’s reason; another session’s connection is not', async () => {
    const extension = new NewsroomExtension(undefined as never, () => undefined);
    extension.closeSession(new Hocuspocus({ quiet: true }), 'ended-hash', 'You signed out.');
    const closes: Array<[number, string]> = [];
    const connection = (readOnly: boolean) => ({ readOnly, webSocket: { close: (code: number, reason: string) => closes.push([code, reason]) } });
    const late = connection(false);
    await extension.connected({ connection: late, context: { tokenHash: 'ended-hash' } } as never);
    expect(closes).toEqual([[4401, 'You signed out.']]);
    expect(extension.signedInSockets.has(late.webSocket)).toBe(false);
    const other = connection(false);
    await extension.connected({ connection: other, context: { tokenHash: 'live-hash' } } as never);
    expect(closes).toHaveLength(1);
    expect(extension.signedInSockets.has(other.webSocket)).toBe(true);
  });
});
