/**
 * A tiny hotkey matcher. "mod" is Cmd on macOS and Ctrl elsewhere; digits match on
 * `event.code` so Shift+7 works on every layout, letters fall back to `code` on
 * non-Latin layouts (Ctrl+И is still Ctrl+B).
 */
export type KeyEventLike = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

type ParsedHotkey = { ctrl: boolean; meta: boolean; alt: boolean; shift: boolean; key: string };

const cache = new Map<string, ParsedHotkey>();

export function isMacPlatform(): boolean {
  // oxlint-disable-next-line no-restricted-globals -- feature-detected: where there is none (Node), keys are not the Mac ones
  const nav = typeof navigator === 'undefined' ? undefined : navigator;
  const platform = (nav as { userAgentData?: { platform?: string } } | undefined)?.userAgentData?.platform ?? nav?.platform ?? '';
  return /mac|iphone|ipad/i.test(platform);
}

function parse(spec: string, mac: boolean): ParsedHotkey {
  const id = `${mac ? 'm' : 'o'}:${spec}`;
  const hit = cache.get(id);
  if (hit) return hit;
  const parsed: ParsedHotkey = { ctrl: false, meta: false, alt: false, shift: false, key: '' };
  for (const part of spec.toLowerCase().split('+')) {
    if (part === 'mod') parsed[mac ? 'meta' : 'ctrl'] = true;
    else if (part === 'ctrl' || part === 'control') parsed.ctrl = true;
    else if (part === 'cmd' || part === 'meta') parsed.meta = true;
    else if (part === 'alt' || part === 'option') parsed.alt = true;
    else if (part === 'shift') parsed.shift = true;
    else parsed.key = part;
  }
  cache.set(id, parsed);
  return parsed;
}

function keyMatches(key: string, event: KeyEventLike): boolean {
  if (/^[0-9]$/.test(key)) return event.code === `Digit${key}` || event.code === `Numpad${key}`;
  const pressed = event.key.toLowerCase();
  if (/^[a-z]$/.test(key)) {
    if (pressed === key) return true;
    // Non-Latin layouts (or Alt on macOS) change `key`; the physical key still says which letter.
    return !/^[a-z]$/.test(pressed) && event.code === `Key${key.toUpperCase()}`;
  }
  return pressed === key;
}

export function matchesHotkey(spec: string, event: KeyEventLike, mac = isMacPlatform()): boolean {
  const hotkey = parse(spec, mac);
  return (
    hotkey.ctrl === event.ctrlKey &&
    hotkey.meta === event.metaKey &&
    hotkey.alt === event.altKey &&
    hotkey.shift === event.shiftKey &&
    keyMatches(hotkey.key, event)
  );
}

/** The first action of a hotkey table whose key matches the event. */
export function matchHotkeyTable<A>(table: Readonly<Record<string, A>>, event: KeyEventLike, mac = isMacPlatform()): A | undefined {
  for (const spec in table) if (matchesHotkey(spec, event, mac)) return table[spec];
  return undefined;
}

/** "mod+shift+7" → "Ctrl+Shift+7" (or "⌘⇧7" on macOS), for tooltips. */
export function describeHotkey(spec: string, mac = isMacPlatform()): string {
  const names: Record<string, [string, string]> = {
    mod: ['⌘', 'Ctrl'],
    ctrl: ['⌃', 'Ctrl'],
    alt: ['⌥', 'Alt'],
    shift: ['⇧', 'Shift'],
  };
  const parts = spec.split('+').map((p) => names[p]?.[mac ? 0 : 1] ?? (p.length > 1 ? keyName(p, mac) : p.toUpperCase()));
  return mac ? parts.join('') : parts.join('+');
}

/** A named key ("enter") as people read it: "Enter", or "↩" on macOS. */
function keyName(key: string, mac: boolean): string {
  if (key === 'enter' && mac) return '↩';
  return key.charAt(0).toUpperCase() + key.slice(1);
}

/** "mod+shift+enter" → "Control+Shift+Enter" (or "Meta+Shift+Enter"), the form aria-keyshortcuts takes. */
export function ariaKeyshortcuts(spec: string, mac = isMacPlatform()): string {
  const names: Record<string, string> = {
    mod: mac ? 'Meta' : 'Control',
    ctrl: 'Control',
    cmd: 'Meta',
    meta: 'Meta',
    alt: 'Alt',
    option: 'Alt',
    shift: 'Shift',
  };
  return spec
    .split('+')
    .map((p) => names[p] ?? (p.length > 1 ? p.charAt(0).toUpperCase() + p.slice(1) : p.toUpperCase()))
    .join('+');
}
