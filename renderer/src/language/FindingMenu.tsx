/**
 * The menu for one finding in the text (a misspelled word now, house-style findings too): its
 * message, the fixes, and what else can be done with it. Opened by right-click on the underline or
 * from the keyboard; arrow keys move, Enter chooses, Escape goes back to the text.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { Range } from 'slate';
import type { TextFinding } from '../../../shared/language/findings';
import { useFloatingPosition } from '../editor/floating';

export type FindingAction = { id: string; label: string; run: () => void };

type Props = {
  finding: TextFinding;
  range: Range;
  frame: HTMLElement | null;
  /** False while the fixes are still being looked up. */
  fixesReady: boolean;
  onFix: (fix: string) => void;
  actions: FindingAction[];
  onClose: () => void;
};

const MENU_ID = 'finding-menu';

export function FindingMenu({ finding, range, frame, fixesReady, onFix, actions, onClose }: Props) {
  const panel = useRef<HTMLDivElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const pos = useFloatingPosition(range, frame, 260, panel, `${finding.fixes.length}:${fixesReady}`);
  const items = () => Array.from(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);

  // Set once the person moves in the menu: fixes that arrive later must not pull the focus back.
  const moved = useRef(false);

  // Focus the first item at once, and the first fix when they come in unless the person has moved.
  useEffect(() => {
    if (moved.current && menu.current?.contains(document.activeElement)) return;
    items()[0]?.focus({ preventScroll: true });
  }, [fixesReady]);

  const onKeyDown = (event: KeyboardEvent) => {
    const all = items();
    const index = all.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      event.preventDefault();
      moved.current = true;
      all[(to + all.length) % all.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(all.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      onClose();
    }
  };

  const fixLabel = finding.source === 'spelling' ? 'Spelling suggestions' : 'Suggested fixes';
  return (
    <div
      ref={panel}
      className="floating-panel finding-menu"
      data-placement={pos?.placement}
      style={pos ? { top: pos.top, left: pos.left } : undefined}
      onKeyDown={onKeyDown}
      // Clicks inside keep the editor's selection (the word the menu is about).
      onMouseDown={(e) => e.preventDefault()}
    >
      <p id={`${MENU_ID}-message`} className="finding-message">
        {finding.message}
      </p>
      <div
        ref={menu}
        id={MENU_ID}
        role="menu"
        aria-label={`${finding.source === 'spelling' ? 'Spelling' : 'House style'}: ${finding.word}`}
        aria-describedby={`${MENU_ID}-message`}
      >
        <div role="group" aria-label={fixLabel}>
          {!fixesReady && <div className="finding-status">Looking for suggestions…</div>}
          {fixesReady && finding.fixes.length === 0 && <div className="finding-status">No suggestions</div>}
          {finding.fixes.map((fix) => (
            <button key={fix} type="button" role="menuitem" tabIndex={-1} className="finding-fix" onClick={() => onFix(fix)}>
              {fix === '' ? 'Remove it' : fix === ' ' ? 'One space' : fix}
            </button>
          ))}
        </div>
        <div role="separator" />
        {actions.map((a) => (
          <button key={a.id} type="button" role="menuitem" tabIndex={-1} onClick={a.run}>
            {a.label}
          </button>
        ))}
      </div>
    </div>
  );
}
