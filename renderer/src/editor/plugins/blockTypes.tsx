/** Paragraphs, headings (H2/H3 on the page: the headline is H1) and block quotes. */
import type { RenderElementProps } from 'slate-react';
import type { BlockQuoteElement, HeadingElement } from '../../../../shared/model/document';

export function Paragraph({ attributes, children }: RenderElementProps) {
  return <p {...attributes}>{children}</p>;
}

export function Heading({ attributes, children, element }: RenderElementProps & { element: HeadingElement }) {
  return element.level === 2 ? (
    <h3 {...attributes} className="body-h3">
      {children}
    </h3>
  ) : (
    <h2 {...attributes} className="body-h2">
      {children}
    </h2>
  );
}

export function BlockQuote({ attributes, children }: RenderElementProps & { element: BlockQuoteElement }) {
  return <blockquote {...attributes}>{children}</blockquote>;
}
