/** Read-only rendering of a short rich text (bold, italic, links) exactly as exports write it. */
import type { ReactNode } from 'react';
import { safeUrl } from '../../../../shared/security/urlPolicy';
import { isLink, type FormattedText, type InlineNode } from '../../../../shared/model/document';

function leaf(t: FormattedText, key: number): ReactNode {
  let node: ReactNode = t.text;
  if (t.bold) node = <strong>{node}</strong>;
  if (t.italic) node = <em>{node}</em>;
  if (t.underline) node = <u>{node}</u>;
  if (t.strikethrough) node = <s>{node}</s>;
  return <span key={key}>{node}</span>;
}

export function RichText({ nodes }: { nodes: readonly InlineNode[] }) {
  return (
    <>
      {nodes.map((n, i) => {
        if (!isLink(n)) return leaf(n, i);
        const href = safeUrl(n.url);
        const text = n.children.map(leaf);
        // Links open outside the app; the shell refuses in-window navigation anyway.
        return href ? (
          <a key={i} href={href} target="_blank" rel="noopener noreferrer">
            {text}
          </a>
        ) : (
          <span key={i}>{text}</span>
        );
      })}
    </>
  );
}
