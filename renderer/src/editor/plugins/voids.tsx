/** Void blocks: section breaks, embeds and the read-only library cards (author bio, AI-use disclosure). */
import type { ReactNode } from 'react';
import { useFocused, useSelected, type RenderElementProps } from 'slate-react';
import { inlineText, type AiDisclosureElement, type AuthorBioElement, type EmbedElement } from '../../../../shared/model/document';
import { isAllowedLinkUrl } from '../../../../shared/editor/links';
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

const MODE_LABEL = { synced: 'Synced', detached: 'Detached', frozen: 'Frozen' } as const;

export function AuthorBio(props: RenderElementProps & { element: AuthorBioElement }) {
  const { snapshot, mode } = props.element;
  return (
    <VoidFrame
      {...props}
      className="library-card"
      label="Author bio"
      body={
        <>
          <div className="block-kind">
            Author bio <span className="chip">{MODE_LABEL[mode]}</span>
          </div>
          <strong>{snapshot.name || 'Unnamed author'}</strong>
          {snapshot.jobTitle && <span className="muted">, {snapshot.jobTitle}</span>}
          <p>{inlineText(snapshot.bio)}</p>
        </>
      }
    />
  );
}

export function AiDisclosure(props: RenderElementProps & { element: AiDisclosureElement }) {
  const { snapshot, mode } = props.element;
  return (
    <VoidFrame
      {...props}
      className="library-card"
      label="AI-use disclosure"
      body={
        <>
          <div className="block-kind">
            AI-use disclosure <span className="chip">{MODE_LABEL[mode]}</span>
          </div>
          <strong>{snapshot.title}</strong>
          <p>{inlineText(snapshot.text)}</p>
        </>
      }
    />
  );
}
