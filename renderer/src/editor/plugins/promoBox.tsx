/** The promo box: an editable title in a non-editable header, and an editable body. */
import type { RenderElementProps } from 'slate-react';
import type { PromoBoxElement } from '../../../../shared/model/document';
import { NodeField } from './fields';

export function PromoBox({ attributes, children, element }: RenderElementProps & { element: PromoBoxElement }) {
  return (
    <aside {...attributes} className="promo-box">
      <div contentEditable={false} className="promo-header">
        <NodeField element={element} field="title" value={element.title} label="Promo box title" placeholder="Box title" />
      </div>
      <div className="promo-body">{children}</div>
    </aside>
  );
}
