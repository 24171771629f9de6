/** A version or a comparison over the article's width, as a modal dialog. */
import { useLayoutEffect, useRef, type ReactNode } from 'react';

/**
 * A version or a comparison, read over the article at the article's width (the review column is
 * too narrow to read a diff in). Modal: Escape or Close returns to where the reader was.
 */
export function WideView({
  title,
  label,
  onClose,
  children,
  span = 'article',
}: {
  title: string;
  label: string;
  onClose: () => void;
  children: ReactNode;
  /** `article-and-margin`: from the article's column to the review column (a comparison side by side needs the room). */
  span?: 'article' | 'article-and-margin';
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const place = () => {
      const article = document.querySelector('.article-view')?.getBoundingClientRect();
      if (!article) return;
      const column = document.querySelector('.article-layout')?.getBoundingClientRect();
      // The review column's tabs: the column itself when wide, the rail at the window's edge when it is a drawer.
      const side = document.querySelector('.article-side .side-tabs')?.getBoundingClientRect();
      const wide = span === 'article-and-margin' && column && side && side.left > article.right - 1;
      const left = wide ? Math.min(article.left, column.left) : article.left;
      const right = wide ? side.left : article.right;
      dialog.style.left = `${left}px`;
      dialog.style.width = `${right - left}px`;
    };
    place();
    if (!dialog.open) dialog.showModal();
    window.addEventListener('resize', place);
    return () => window.removeEventListener('resize', place);
  }, [span]);
  return (
    <dialog ref={ref} className="wide-view" aria-label={label} onClose={onClose}>
      <header className="wide-view-header">
        <h2>{title}</h2>
        <button type="button" onClick={() => ref.current?.close()}>
          Close
        </button>
      </header>
      {children}
    </dialog>
  );
}
