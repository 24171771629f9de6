/**
 * WAI-ARIA tabs: the tab list is one Tab stop, arrow keys move between tabs and
 * select them, and each tab names and controls its panel.
 * `const tabs = useRovingTabs(['A', 'B'], selected, setSelected)`, then
 * `<div {...tabs.listProps('Label')}>`, `<button {...tabs.tabProps('A')}>` and
 * `<div {...tabs.panelProps('A')}>`.
 */
import { useId, useRef } from 'react';
import { useRovingFocus } from './useRovingFocus';

export function useRovingTabs<T extends string>(tabs: readonly T[], selected: T, onSelect: (tab: T) => void) {
  const base = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const key = (tab: T) => tabs.indexOf(tab);
  const roving = useRovingFocus(listRef, {
    items: '[role="tab"]',
    onMove: (el) => {
      const tab = tabs[Number(el.dataset.tabIndex)];
      if (tab !== undefined) onSelect(tab);
    },
  });
  return {
    listProps: (label: string) => ({ ref: listRef, role: 'tablist', 'aria-label': label, onKeyDown: roving.onKeyDown, onFocus: roving.onFocus }),
    tabProps: (tab: T) => ({
      type: 'button' as const,
      role: 'tab',
      id: `${base}-tab-${key(tab)}`,
      'data-tab-index': key(tab),
      'aria-selected': tab === selected,
      'aria-controls': `${base}-panel-${key(tab)}`,
      tabIndex: tab === selected ? 0 : -1,
      onClick: () => onSelect(tab),
    }),
    panelProps: (tab: T) => ({
      role: 'tabpanel',
      id: `${base}-panel-${key(tab)}`,
      'aria-labelledby': `${base}-tab-${key(tab)}`,
      hidden: tab !== selected,
    }),
  };
}
