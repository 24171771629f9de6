/** The AI-use disclosure line, laid out as the HTML export writes it (its text, with a link to the policy). */
import type { Element } from 'slate';
import type { RenderElementProps } from 'slate-react';
import { safeUrl } from '../../../../shared/security/urlPolicy';
import { disclosureSnapshot } from '../../../../shared/library/blocks';
import { isLink, type AiDisclosureElement } from '../../../../shared/model/document';
import { useSetField } from '../plugins/fields';
import { BlockChrome, SnapshotInput } from './BlockChrome';
import { useLibraryBlocks } from './LibraryContext';
import { RichText } from './RichText';
import { RichTextField } from './RichTextField';

export function AiDisclosureBlock(props: RenderElementProps & { element: AiDisclosureElement }) {
  const { element } = props;
  const library = useLibraryBlocks();
  const setField = useSetField(element);
  const source = library?.templates.find((t) => t.id === element.templateId);
  const s = element.snapshot;
  const notice =
    element.mode === 'detached' || !library?.loaded
      ? undefined
      : !source
        ? 'This disclosure is no longer in the library; showing the last saved text.'
        : source.archived
          ? 'This disclosure was archived; showing the last saved text.'
          : undefined;
  const policy = safeUrl(s.policyUrl);

  return (
    <BlockChrome
      {...props}
      kindLabel="AI-use disclosure"
      sourceLabel={s.title || 'Untitled disclosure'}
      notice={notice}
      resync={source && !source.archived ? { version: source.version, snapshot: disclosureSnapshot(source) } : undefined}
      body={
        <aside className="ai-disclosure-preview" aria-label={s.title || undefined}>
          {element.mode === 'detached' ? (
            <div className="snapshot-form">
              <RichTextField
                label="Disclosure text"
                value={s.text}
                onChange={(text) => setField({ snapshot: { ...element.snapshot, text } } as Partial<Element>)}
              />
              <SnapshotInput element={element} field="policyUrl" label="AI policy link" type="url" placeholder="https://…" />
            </div>
          ) : (
            <p>
              <RichText nodes={s.text} />
              {policy && !s.text.some(isLink) && (
                <>
                  {' '}
                  <a href={policy} target="_blank" rel="noopener noreferrer">
                    {s.title || 'AI policy'}
                  </a>
                </>
              )}
            </p>
          )}
        </aside>
      }
    />
  );
}
