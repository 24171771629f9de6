import { describe, expect, it } from 'vitest';
import { ariaKeyshortcuts, describeHotkey, matchHotkeyTable, matchesHotkey, type KeyEventLike } from './hotkeys';

const ev = (over: Partial<KeyEventLike>): KeyEventLike => ({
  key: '',
  code: '',
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...over,
});

describe('matchesHotkey', () => {
  it('maps mod to Ctrl off macOS and Cmd on macOS', () => {
    expect(matchesHotkey('mod+b', ev({ key: 'b', code: 'KeyB', ctrlKey: true }), false)).toBe(true);
    expect(matchesHotkey('mod+b', ev({ key: 'b', code: 'KeyB', metaKey: true }), false)).toBe(false);
    expect(matchesHotkey('mod+b', ev({ key: 'b', code: 'KeyB', metaKey: true }), true)).toBe(true);
    expect(matchesHotkey('mod+b', ev({ key: 'b', code: 'KeyB', ctrlKey: true }), true)).toBe(false);
  });
  it('requires exactly the listed modifiers', () => {
    expect(matchesHotkey('mod+z', ev({ key: 'Z', code: 'KeyZ', ctrlKey: true, shiftKey: true }), false)).toBe(false);
    expect(matchesHotkey('mod+shift+z', ev({ key: 'Z', code: 'KeyZ', ctrlKey: true, shiftKey: true }), false)).toBe(true);
    expect(matchesHotkey('mod+b', ev({ key: 'b', code: 'KeyB', ctrlKey: true, altKey: true }), false)).toBe(false);
  });
  it('matches digits by code so Shift+7 works on any layout', () => {
    expect(matchesHotkey('mod+shift+7', ev({ key: '&', code: 'Digit7', ctrlKey: true, shiftKey: true }), false)).toBe(true);
    expect(matchesHotkey('mod+shift+7', ev({ key: '/', code: 'Digit7', ctrlKey: true, shiftKey: true }), false)).toBe(true);
    expect(matchesHotkey('mod+alt+1', ev({ key: '¡', code: 'Digit1', metaKey: true, altKey: true }), true)).toBe(true);
    expect(matchesHotkey('mod+alt+1', ev({ key: '1', code: 'Digit2', ctrlKey: true, altKey: true }), false)).toBe(false);
  });
  it('falls back to the physical key on non-Latin layouts', () => {
    expect(matchesHotkey('mod+b', ev({ key: 'и', code: 'KeyB', ctrlKey: true }), false)).toBe(true);
    // A Latin layout where the B position types another letter (Dvorak "x") is matched by key.
    expect(matchesHotkey('mod+b', ev({ key: 'x', code: 'KeyB', ctrlKey: true }), false)).toBe(false);
  });
});

describe('matchHotkeyTable', () => {
  const table = { 'mod+b': 'bold', 'mod+shift+z': 'redo', 'mod+z': 'undo' } as const;
  it('returns the matching action', () => {
    expect(matchHotkeyTable(table, ev({ key: 'z', code: 'KeyZ', ctrlKey: true }), false)).toBe('undo');
    expect(matchHotkeyTable(table, ev({ key: 'Z', code: 'KeyZ', ctrlKey: true, shiftKey: true }), false)).toBe('redo');
    expect(matchHotkeyTable(table, ev({ key: 'q', code: 'KeyQ', ctrlKey: true }), false)).toBeUndefined();
  });
});

describe('describeHotkey', () => {
  it('names keys for the platform', () => {
    expect(describeHotkey('mod+shift+7', false)).toBe('Ctrl+Shift+7');
    expect(describeHotkey('mod+b', true)).toBe('⌘B');
    expect(describeHotkey('mod+shift+enter', false)).toBe('Ctrl+Shift+Enter');
    expect(describeHotkey('mod+shift+enter', true)).toBe('⌘⇧↩');
  });
  it('writes the aria-keyshortcuts form', () => {
    expect(ariaKeyshortcuts('mod+shift+enter', false)).toBe('Control+Shift+Enter');
    expect(ariaKeyshortcuts('mod+alt+r', true)).toBe('Meta+Alt+R');
  });
});

describe('matchesHotkey with named keys', () => {
  it('matches Enter with modifiers, and not without them', () => {
    expect(matchesHotkey('mod+shift+enter', ev({ key: 'Enter', code: 'Enter', ctrlKey: true, shiftKey: true }), false)).toBe(true);
    expect(matchesHotkey('mod+shift+enter', ev({ key: 'Enter', code: 'Enter', ctrlKey: true }), false)).toBe(false);
  });
});
