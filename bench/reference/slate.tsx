/** Slate as its own examples build it: no chunking, every block rendered. */
import { useCallback, useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { createEditor, type Descendant } from 'slate';
import { withHistory } from 'slate-history';
import { Editable, Slate, withReact, type RenderElementProps, type RenderLeafProps } from 'slate-react';
import type { ArticleBody } from '../../shared/model/document';
import { expose } from './pageApi';

type AnyElement = { type: string; level?: number; url?: string };

function Element({ attributes, children, element }: RenderElementProps) {
  const e = element as unknown as AnyElement;
  switch (e.type) {
    case 'heading':
      return <h2 {...attributes}>{children}</h2>;
    case 'block-quote':
      return <blockquote {...attributes}>{children}</blockquote>;
    case 'list-item':
      return <li {...attributes}>{children}</li>;
    case 'link':
      return (
        <a {...attributes} href={e.url}>
          {children}
        </a>
      );
    default:
      return <p {...attributes}>{children}</p>;
  }
}

function Leaf({ attributes, children, leaf }: RenderLeafProps) {
  const l = leaf as { bold?: boolean; italic?: boolean };
  let out = children;
  if (l.bold) out = <strong>{out}</strong>;
  if (l.italic) out = <em>{out}</em>;
  return <span {...attributes}>{out}</span>;
}

function PlainSlate({ body }: { body: ArticleBody }) {
  const [editor] = useState(() => {
    const e = withHistory(withReact(createEditor()));
    const { isInline } = e;
    e.isInline = (element) => (element as unknown as AnyElement).type === 'link' || isInline(element);
    return e;
  });
  const renderElement = useCallback((props: RenderElementProps) => <Element {...props} />, []);
  const renderLeaf = useCallback((props: RenderLeafProps) => <Leaf {...props} />, []);
  return (
    <Slate editor={editor} initialValue={body as unknown as Descendant[]}>
      <Editable aria-label="Reference body" renderElement={renderElement} renderLeaf={renderLeaf} />
    </Slate>
  );
}

expose((body, root) => {
  // Mounted within the call (React would otherwise render in a later task), so the paint timed is this one's.
  const app = createRoot(root);
  flushSync(() => app.render(<PlainSlate body={body} />));
});
