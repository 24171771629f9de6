/** Void blocks: section breaks and embeds, and the frame every void shares. */
import type { ReactNode } from 'react';
import { useFocused, useSelected, type RenderElementProps } from 'slate-react';
import type { EmbedElement } from '../../../../shared/model/document';
import { isAllowedLinkUrl } from '../../../../shared/security/urlPolicy';
import { NodeField } from './fields';

export function useVoidSelected(): boolean {
  const selected = useSelected();
  const focused = useFocused();
  return selected && focused;
}

export function VoidFrame({ attributes, children, className, label, body }: RenderElementProps & { className: string; label: string; body: ReactNode }) {
  const selected = useVoidSelected();
  return (
    <div {...attributes} className={`void-block ${className}${selected ? ' is-selected' : ''}`}>
      <div contentEditable={false} role="group" aria-label={label}>
        {body}
      </div>
      {children}
    </div>
  );
}

export function SectionBreak(props: RenderElementProps) {
  return <VoidFrame {...props} className="section-break" label="Section break" body={<hr />} />;
}

export function Embed(props: RenderElementProps & { element: EmbedElement }) {
  const { element } = props;
  const badUrl = element.url !== '' && !(isAllowedLinkUrl(element.url) && /^https?:/i.test(element.url));
  return (
    <VoidFrame
      {...props}
      className="embed-block"
      label="Embed"
      body={
        <>
          <div className="block-kind">Embed</div>
          <NodeField element={element} field="url" value={element.url} label="Embed URL" placeholder="https://…" type="url" />
          {badUrl && <p className="field-warning">Use a web address starting with https://</p>}
          <NodeField element={element} field="caption" value={element.caption} label="Embed caption" placeholder="Caption" />
        </>
      }
    />
  );
}
