/** The keyboard and ARIA wiring of a text field that suggests options (an ARIA 1.2 combobox). */
import { useId, useState, type KeyboardEvent } from 'react';

export function useCombobox(optionCount: number) {
  const [active, setActive] = useState(0);
  const listId = useId();
  const current = Math.min(active, Math.max(optionCount - 1, 0));
  return {
    listId,
    active: current,
    setActive,
    optionId: (index: number) => `${listId}-${index}`,
    inputProps: {
      role: 'combobox',
      'aria-expanded': optionCount > 0,
      'aria-controls': listId,
      'aria-autocomplete': 'list',
      'aria-activedescendant': optionCount ? `${listId}-${current}` : undefined,
    } as const,
    /** Moves through the options with the arrow keys; true when it handled the key. */
    moveWithArrows(event: KeyboardEvent): boolean {
      if (optionCount === 0 || (event.key !== 'ArrowDown' && event.key !== 'ArrowUp')) return false;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + optionCount) % optionCount);
      return true;
    },
  };
}
