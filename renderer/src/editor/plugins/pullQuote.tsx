/** Pull quotes: the quote as text, the attribution in an input below it. */
import type { RenderElementProps } from 'slate-react';
import type { PullQuoteElement } from '../../../../shared/model/document';
import { NodeField } from './fields';

export function PullQuote({ attributes, children, element }: RenderElementProps & { element: PullQuoteElement }) {
  return (
    <figure {...attributes} className="pull-quote">
      <blockquote>{children}</blockquote>
      <figcaption contentEditable={false}>
        <span aria-hidden="true">— </span>
        <NodeField element={element} field="attribution" value={element.attribution} label="Pull quote attribution" placeholder="Attribution" />
      </figcaption>
    </figure>
  );
}
