/** The article's metadata panel: byline, AI use, language, section, tags, dateline, slug, SEO fields, planned length and deadline. */
import { useEffect, useId, useState } from 'react';
import type { Taxonomy } from '../../../../shared/ipc/contract';
import { FIELD_LIMITS, type ArticleFields, type Author } from '../../../../shared/model/article';
import type { RuleFinding } from '../../../../shared/rules/types';
import { articleSlug } from '../../../../shared/text/slug';
import { call } from '../../api/call';
import { fixTarget } from '../../review/findingFixes';
import { BylineBioPrompt } from '../../editor/library-blocks/BylineBioPrompt';
import { AiDeclarationField } from './AiDeclarationField';
import { AuthorPicker } from './AuthorPicker';
import { DeadlineField } from './DeadlineField';
import { TagInput } from './TagInput';
import { LanguageField } from '../../language/LanguageField';

export type DetailFields = Pick<
  ArticleFields,
  | 'slug'
  | 'slugLocked'
  | 'section'
  | 'tags'
  | 'bylineAuthorIds'
  | 'dateline'
  | 'seoTitle'
  | 'seoDescription'
  | 'plannedLength'
  | 'deadline'
  | 'aiDeclaration'
  | 'language'
>;

type Props = {
  articleId: string;
  headline: string;
  fields: DetailFields;
  onChange: (patch: Partial<DetailFields>) => void;
  /** The checklist's findings on the AI-use declaration and disclosure, as the body stands. */
  disclosureFindings?: RuleFinding[];
};

function Counter({ length, recommended }: { length: number; recommended: number }) {
  return (
    <span className={`counter ${length > recommended ? 'over' : ''}`} aria-live="off">
      {length}/{recommended}
    </span>
  );
}

export function ArticleDetails({ articleId, headline, fields, onChange, disclosureFindings }: Props) {
  const [authors, setAuthors] = useState<Author[]>([]);
  const [taxonomy, setTaxonomy] = useState<Taxonomy>({ tags: [], sections: [] });
  const ids = {
    slug: useId(),
    section: useId(),
    sections: useId(),
    dateline: useId(),
    seoTitle: useId(),
    seoDesc: useId(),
    length: useId(),
    deadline: useId(),
  };

  useEffect(() => {
    call('listAuthors', { includeArchived: true })
      .then(setAuthors)
      .catch(() => setAuthors([]));
    call('listTaxonomy', {})
      .then(setTaxonomy)
      .catch(() => undefined);
  }, []);

  // The slug follows the headline until the writer edits it (the store applies the same rule).
  const slug = fields.slugLocked ? fields.slug : articleSlug(headline, articleId);

  return (
    <aside className="article-details" aria-label="Article details">
      <h2>Details</h2>
      <AuthorPicker authorIds={fields.bylineAuthorIds} authors={authors} onChange={(bylineAuthorIds) => onChange({ bylineAuthorIds })} />
      <BylineBioPrompt authorIds={fields.bylineAuthorIds} />
      {/* What submitting checks first (byline, AI use) comes first, a few keys from the text. */}
      <AiDeclarationField value={fields.aiDeclaration} onChange={(aiDeclaration) => onChange({ aiDeclaration })} findings={disclosureFindings} />

      <LanguageField
        label="Language"
        hint="Spelling, quotes, the text's direction and every export follow it."
        value={fields.language}
        onChange={(language) => onChange({ language })}
      />

      <div className="field">
        <label htmlFor={ids.section}>Section</label>
        <input
          id={ids.section}
          list={ids.sections}
          value={fields.section}
          maxLength={FIELD_LIMITS.section}
          onChange={(e) => onChange({ section: e.target.value })}
        />
        <datalist id={ids.sections}>
          {taxonomy.sections.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      </div>

      <TagInput tags={fields.tags} known={taxonomy.tags} onChange={(tags) => onChange({ tags })} />

      <div className="field">
        <label htmlFor={ids.dateline}>Dateline</label>
        <input
          id={ids.dateline}
          value={fields.dateline}
          placeholder="e.g. VESTMARK"
          maxLength={FIELD_LIMITS.dateline}
          onChange={(e) => onChange({ dateline: e.target.value })}
        />
      </div>

      <div className="field">
        <label htmlFor={ids.slug}>Slug</label>
        <input
          id={ids.slug}
          value={slug}
          maxLength={FIELD_LIMITS.slug}
          onChange={(e) => onChange({ slug: e.target.value.toLowerCase().replace(/[^a-z0-9-]+/g, '-'), slugLocked: true })}
        />
        <p className="hint">
          {fields.slugLocked ? (
            <>
              Edited by hand.{' '}
              <button type="button" className="link-button" onClick={() => onChange({ slug: articleSlug(headline, articleId), slugLocked: false })}>
                Follow the headline again
              </button>
            </>
          ) : (
            'Follows the headline until you edit it.'
          )}
        </p>
      </div>

      <div className="field">
        <label htmlFor={ids.seoTitle}>
          SEO title <Counter length={fields.seoTitle.length} recommended={60} />
        </label>
        <input
          id={ids.seoTitle}
          value={fields.seoTitle}
          placeholder={headline || 'Defaults to the headline'}
          maxLength={FIELD_LIMITS.seoTitle}
          onChange={(e) => onChange({ seoTitle: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.seoDesc}>
          SEO description <Counter length={fields.seoDescription.length} recommended={160} />
        </label>
        <textarea
          id={ids.seoDesc}
          rows={3}
          value={fields.seoDescription}
          maxLength={FIELD_LIMITS.seoDescription}
          onChange={(e) => onChange({ seoDescription: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.length}>Planned length (words)</label>
        <input
          id={ids.length}
          {...fixTarget('planned-length')}
          type="number"
          min={0}
          max={100000}
          step={50}
          value={fields.plannedLength || ''}
          placeholder="No target"
          onChange={(e) => onChange({ plannedLength: Math.max(0, Math.min(100_000, Math.round(Number(e.target.value) || 0))) })}
        />
      </div>
      <DeadlineField id={ids.deadline} value={fields.deadline} onChange={(deadline) => onChange({ deadline })} />
    </aside>
  );
}
