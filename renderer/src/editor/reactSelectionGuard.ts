/**
 * React, around every commit, saves and restores the selection of the focused
 * element when it "has selection capabilities" — for a contenteditable that
 * means walking every DOM node inside it to turn the selection into character
 * offsets. On a 10,000-block article that walk dominated each keystroke.
 * Slate already owns the editor's DOM selection and restores it itself, so the
 * editable root reports its `contentEditable` property as "inherit" to React's
 * check while the attribute (what the browser obeys) stays "true".
 */
export function hideEditableFromReactSelection(element: HTMLElement | null): void {
  if (!element || Object.hasOwn(element, 'contentEditable')) return;
  Object.defineProperty(element, 'contentEditable', {
    configurable: true,
    get: () => 'inherit',
    set: (value: string) => {
      element.setAttribute('contenteditable', String(value));
    },
  });
}
