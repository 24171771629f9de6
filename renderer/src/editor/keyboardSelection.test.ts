import { describe, expect, it } from 'vitest';
import { selectionExtension } from './keyboardSelection';

const key = (k: string, mods: Partial<Record<'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {}) => ({
  key: k,
  code: '',
  shiftKey: true,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('selectionExtension', () => {
  it('extends by character, line and line edge with Shift', () => {
    expect(selectionExtension(key('ArrowLeft'), false)).toEqual({ direction: 'left', granularity: 'character' });
    expect(selectionExtension(key('ArrowRight'), true)).toEqual({ direction: 'right', granularity: 'character' });
    expect(selectionExtension(key('ArrowUp'), false)).toEqual({ direction: 'backward', granularity: 'line' });
    expect(selectionExtension(key('ArrowDown'), true)).toEqual({ direction: 'forward', granularity: 'line' });
    expect(selectionExtension(key('Home'), false)).toEqual({ direction: 'backward', granularity: 'lineboundary' });
    expect(selectionExtension(key('End'), false)).toEqual({ direction: 'forward', granularity: 'lineboundary' });
  });

  it('extends by word with Ctrl, or Alt on macOS, and to the line edge with Cmd on macOS', () => {
    expect(selectionExtension(key('ArrowLeft', { ctrlKey: true }), false)).toEqual({ direction: 'left', granularity: 'word' });
    expect(selectionExtension(key('ArrowRight', { altKey: true }), true)).toEqual({ direction: 'right', granularity: 'word' });
    expect(selectionExtension(key('ArrowLeft', { metaKey: true }), true)).toEqual({ direction: 'left', granularity: 'lineboundary' });
    expect(selectionExtension(key('ArrowLeft', { altKey: true }), false)).toBeNull();
    expect(selectionExtension(key('ArrowLeft', { ctrlKey: true }), true)).toBeNull();
  });

  it('leaves every other key to the browser', () => {
    expect(selectionExtension(key('ArrowLeft', { shiftKey: false }), false)).toBeNull();
    expect(selectionExtension(key('a'), false)).toBeNull();
    expect(selectionExtension(key('Home'), true)).toBeNull();
    expect(selectionExtension(key('ArrowUp', { ctrlKey: true }), false)).toBeNull();
  });
});
