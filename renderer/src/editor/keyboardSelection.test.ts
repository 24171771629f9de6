import { describe, expect, it } from 'vitest';
import { documentJump, selectionExtension } from './keyboardSelection';

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

describe('documentJump', () => {
  it('takes Ctrl+Home, Ctrl+End and Ctrl+A (Cmd+Up, Cmd+Down and Cmd+A on macOS), with Shift to extend', () => {
    const plain = { shiftKey: false };
    expect(documentJump(key('Home', { ...plain, ctrlKey: true }), false)).toBe('start');
    expect(documentJump(key('End', { ctrlKey: true }), false)).toBe('end');
    expect(documentJump(key('a', { ...plain, ctrlKey: true }), false)).toBe('all');
    expect(documentJump(key('ArrowUp', { ...plain, metaKey: true }), true)).toBe('start');
    expect(documentJump(key('ArrowDown', { metaKey: true }), true)).toBe('end');
    expect(documentJump(key('a', { ...plain, metaKey: true }), true)).toBe('all');
  });

  it('leaves other keys to the browser', () => {
    const plain = { shiftKey: false };
    expect(documentJump(key('End', plain), false)).toBeNull();
    expect(documentJump(key('ArrowDown', { ...plain, ctrlKey: true }), false)).toBeNull();
    expect(documentJump(key('End', { ctrlKey: true, altKey: true }), false)).toBeNull();
    expect(documentJump(key('End', { metaKey: true }), false)).toBeNull();
    expect(documentJump(key('A', { ctrlKey: true }), false)).toBeNull(); // Ctrl+Shift+A is not select all
  });
});
