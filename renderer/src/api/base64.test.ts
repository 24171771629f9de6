import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { base64ToBytes, bytesToBase64 } from './base64';

describe('base64 across the IPC boundary', () => {
  it('round-trips any bytes, as Node encodes and decodes them', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70_000 }), (bytes) => {
        const text = bytesToBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(Buffer.from(base64ToBytes(text))).toEqual(Buffer.from(bytes));
      }),
      { numRuns: 60 },
    );
  });
});
