/** The article's AI-use declaration: none, or the uses made of AI, with the tools and a note. */
import { useEffect, useId, useRef } from 'react';
import { AI_USES, FIELD_LIMITS, type AiDeclaration, type AiUse } from '../../../../shared/model/article';
import { AI_USE_LABELS, listInWords } from '../../../../shared/library/entries';
import { declareUses, suggestTemplates, usesDisclosedIn } from '../../../../shared/rules/library';
import type { RuleFinding } from '../../../../shared/rules/types';
import { announce } from '../../app/focus';
import { useLibraryBlocks } from '../../editor/library-blocks/LibraryContext';
import { fixTarget } from '../../review/findingFixes';

type Props = {
  value: AiDeclaration;
  onChange: (value: AiDeclaration) => void;
  /** The checklist's findings on the declaration and the disclosure blocks in the body; undefined when not known. */
  findings?: RuleFinding[] | undefined;
};

const LABELS: Record<AiUse, string> = { ...AI_USE_LABELS, other: 'Other' };
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function AiDeclarationField({ value, onChange, findings }: Props) {
  const ids = { tools: useId(), note: useId(), hint: useId() };
  const library = useLibraryBlocks();
  const none = value.uses.length === 0;
  const toggle = (use: AiUse, on: boolean) => onChange({ ...value, uses: AI_USES.filter((u) => (u === use ? on : value.uses.includes(u))) });
  const fitting = !none && library ? suggestTemplates(value.uses, library.templates) : [];

  // Inserting a disclosure offers to declare what it covers: the picker reads and sets the declaration here.
  const latest = useRef({ value, onChange });
  useEffect(() => {
    latest.current = { value, onChange };
  });
  const register = library?.registerDeclaration;
  useEffect(() => register?.({ current: () => latest.current.value, change: (next) => latest.current.onChange(next) }), [register]);

  // "None" beside a disclosure that tells readers AI was used: one button declares what the disclosures cover.
  const contradicted = findings?.some((f) => f.id === 'ai-declaration-none-contradicts') ?? false;
  const disclosed = contradicted && library ? usesDisclosedIn(library.body(), library.templates) : [];
  const declareDisclosed = () => {
    onChange(declareUses(value, disclosed));
    announce(`AI use declared: ${listInWords(disclosed.map((u) => AI_USE_LABELS[u]))}.`);
  };

  return (
    <fieldset className="field ai-declaration" aria-describedby={ids.hint}>
      <legend>AI use</legend>
      <label className="check">
        <input type="checkbox" checked={none} onChange={(e) => e.target.checked && onChange({ ...value, uses: [] })} {...fixTarget('ai-declaration')} />
        None
      </label>
      {AI_USES.map((use) => (
        <label key={use} className="check">
          <input type="checkbox" checked={value.uses.includes(use)} onChange={(e) => toggle(use, e.target.checked)} />
          {capital(LABELS[use])}
        </label>
      ))}
      {!none && (
        <>
          <label htmlFor={ids.tools}>Tools used</label>
          <input
            id={ids.tools}
            value={value.tools}
            placeholder="e.g. a transcription service, an image generator"
            maxLength={FIELD_LIMITS.note}
            onChange={(e) => onChange({ ...value, tools: e.target.value })}
          />
          <label htmlFor={ids.note}>Note on AI use</label>
          <textarea id={ids.note} rows={2} value={value.note} maxLength={FIELD_LIMITS.note} onChange={(e) => onChange({ ...value, note: e.target.value })} />
        </>
      )}
      <p className="hint" id={ids.hint}>
        {findings?.length
          ? findings.map((f) => f.message).join(' ')
          : none
            ? 'No AI was used for this article.'
            : findings
              ? 'The AI-use disclosure in the article covers these uses.'
              : fitting.length
                ? `Add an AI-use disclosure block that covers this, e.g. ${fitting.map((t) => `“${t.title}”`).join(' and ')}.`
                : 'Add an AI-use disclosure block that covers this.'}
      </p>
      {disclosed.length > 0 && (
        <button type="button" className="declare-uses" onClick={declareDisclosed} {...fixTarget('ai-declare')}>
          Declare these uses: {listInWords(disclosed.map((u) => AI_USE_LABELS[u]))}
        </button>
      )}
    </fieldset>
  );
}
