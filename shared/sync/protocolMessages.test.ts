import { describe, expect, it } from 'vitest';
import { authMessage, updateMessage, varString } from '../../server/test/harness';
import { inspectMessage, MESSAGE, SYNC } from './protocolMessages';

describe('reading incoming messages', () => {
  it('finds the document, the kind and a sync update’s bytes', () => {
    const update = Uint8Array.from([1, 2, 3]);
    expect(inspectMessage(updateMessage('article:x', update))).toEqual({ documentName: 'article:x', type: MESSAGE.Sync, syncType: SYNC.Update, update });
    expect(inspectMessage(authMessage('article:x', 'token'))).toEqual({ documentName: 'article:x', type: MESSAGE.Auth });
    const step2 = Uint8Array.from([...varString('d'), MESSAGE.Sync, SYNC.Step2, 2, 9, 9]);
    expect(inspectMessage(step2).update).toEqual(Uint8Array.from([9, 9]));
    expect(inspectMessage(Uint8Array.from([...varString('d'), MESSAGE.Sync, SYNC.Step1, 0])).update).toBeUndefined();
  });

  it('throws a sentence on truncated or endless input instead of reading past it', () => {
    expect(() => inspectMessage(new Uint8Array())).toThrow('The message ends early.');
    expect(() => inspectMessage(Uint8Array.from([...varString('d'), MESSAGE.Sync, SYNC.Update, 10, 1]))).toThrow('The message ends early.');
    expect(() => inspectMessage(new Uint8Array(20).fill(0xff))).toThrow('The message has a number that is too long.');
    expect(() => inspectMessage(Uint8Array.from([2, 0xc3, 0x28, 0]))).toThrow();
  });
});
