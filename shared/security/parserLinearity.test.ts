/**
 * Every pure importer (Markdown, HTML, plain text, ninjs) and paste's HTML conversion is linear in
 * its input: the inputs that once took 30–60 s finish within seconds of CPU, generated hostile
 * inputs (repeated delimiters, unclosed tags and containers, long whitespace, deep nesting) each
 * finish within a per-input CPU limit, and four times the input takes well under eight times the
 * time. Every result is a valid article or one plain sentence, never the validator's wording.
 *
 * Times are CPU times (see hostileArbitraries.ts); the limits are generous so a loaded 2-core
 * machine passes, while a quadratic parser (seconds to minutes on these inputs) fails.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlToBlocks } from '../convert/fromHtml';
import { finishImport, type ImportedArticle } from '../exchange/importedArticle';
import { importHtml, importPlainText } from '../exchange/importText';
import { importNinjs } from '../exchange/ninjs';
import { importMarkdown, MarkdownImportError } from '../import/markdown';
import { articleBodySchema } from '../model/document';
import { cpuMs, hostileNinjs, hostileText, medianCpuMs } from './__fixtures__/hostileArbitraries';
import { superLinear } from './__fixtures__/hostileContent';

/** CPU time one import may take; most take tens of milliseconds on an idle machine. */
const PER_INPUT_MS = 2_000;

/**
 * The limit for a generated input: 2 s, or 1 ms per 15 characters for the longest. Markdown spends
 * about 0.2 ms of CPU on each paragraph (micromark builds a tokenizer per paragraph, and garbage
 * collection, whose helper threads count in the process's CPU time, takes 40 % of it), so 8,000
 * one-word paragraphs in 75 KB took 2.07 s on a busy CI machine while growing linearly. A quadratic
 * parser takes minutes at that size, and the scaling test below (four times the input, well under
 * eight times the time) holds the growth itself.
 */
const limitFor = (input: string) => Math.max(PER_INPUT_MS, input.length / 15);

type Importer = (text: string) => ImportedArticle | { refused: string };

const markdown: Importer = (text) => {
  try {
    return { ...importMarkdown(text), images: [], warnings: [] };
  } catch (error) {
    if (error instanceof MarkdownImportError) return { refused: error.message };
    throw error;
  }
};
const ninjs: Importer = (text) => {
  const result = importNinjs(text);
  return result.ok ? result.article : { refused: result.message };
};
const paste: Importer = (html) => {
  const { blocks, images } = htmlToBlocks(html);
  return { fields: {}, byline: [], body: blocks, images, warnings: [] };
};

const IMPORTERS: Record<string, Importer> = { markdown, html: importHtml, text: importPlainText, ninjs, paste };

/** A valid article, or a refusal in one plain sentence (no validator wording, no stack traces). */
function expectWellFormed(outcome: ImportedArticle | { refused: string }, label: string): void {
  const message =
    'refused' in outcome
      ? outcome.refused
      : (() => {
          const checked = finishImport(outcome);
          if (checked.ok) expect(articleBodySchema.safeParse(checked.article.body).success, label).toBe(true);
          return checked.ok ? undefined : checked.message;
        })();
  if (message === undefined) return;
  expect(message, label).toMatch(/^[A-Z].*\.$/s);
  expect(message, label).not.toMatch(/Too big|Too small|expected|Invalid input|at \w+ \(|RangeError/);
}

function timedImport(importer: Importer, input: string, label: string): number {
  let outcome: ImportedArticle | { refused: string } | undefined;
  const ms = cpuMs(() => {
    outcome = importer(input);
  });
  expectWellFormed(outcome!, label);
  return ms;
}

describe('inputs that once took super-linear time', () => {
  const cases: Array<[string, () => string, Importer[]]> = [
    ['47 KB of *a_ (emphasis that never matches)', superLinear.markdownEmphasisMix, [markdown]],
    ['<p>hello</p> then 100,000 <title', superLinear.htmlTitles, [importHtml, paste]],
    ['front matter with 200,000 spaces in a value', superLinear.frontMatterSpaces, [markdown]],
    ['32,000 unclosed <ul><li>x', superLinear.unclosedListItems, [importHtml, paste, markdown]],
    ['32,000 :::zz lines', superLinear.markdownMarkers, [markdown]],
    ['8,000 :::zz paragraphs', superLinear.markdownMarkerParagraphs, [markdown]],
    ['unclosed inline comments', superLinear.markdownComments, [markdown]],
    ['unclosed inline declarations', superLinear.markdownDeclarations, [markdown]],
    ['link openers that never close', superLinear.markdownLinkOpeners, [markdown]],
    ['footnote labels that never close', superLinear.markdownFootnotes, [markdown]],
    ['16,000 zz&&amp; (text between character references)', superLinear.markdownCharacterReferences, [markdown]],
    ['200,000 spaces and 50,000 breaks in <pre>', superLinear.htmlPreSpaces, [importHtml, paste]],
    ['80,000 line breaks in one block', superLinear.htmlManyBreaks, [importHtml, paste]],
    ['stray close tags under deep nesting', superLinear.htmlStrayCloseTags, [importHtml, paste]],
    ['128,000 unclosed <div>', superLinear.htmlDeepDivs, [importHtml, paste]],
    ['a ninjs byline with 200,000 spaces', superLinear.ninjsBylineSpaces, [ninjs]],
  ];
  it.each(cases)('%s: within its CPU limit, a valid article or a plain refusal', (name, make, importers) => {
    const input = make();
    for (const importer of importers) {
      const label = `${name} (${Object.entries(IMPORTERS).find(([, f]) => f === importer)?.[0]})`;
      // The same limit as generated input: 8,000 Markdown paragraphs cost 0.2 ms each even when linear.
      expect(timedImport(importer, input, label), label).toBeLessThan(limitFor(input));
    }
  });

  it('16,000 zz&&amp; imported three times in a row: each within the limit', () => {
    // Splicing merged text was slow on some calls and not others (V8's array state): one call can miss it.
    const input = superLinear.markdownCharacterReferences();
    for (let i = 0; i < 3; i++) expect(timedImport(markdown, input, `zz&&amp; (call ${i + 1})`)).toBeLessThan(PER_INPUT_MS);
  });

  it('keeps what the inputs say where an article can hold it', () => {
    const titled = importHtml(superLinear.htmlTitles());
    expect(titled.fields.headline ?? '').toBe('');
    expect(titled.body).toEqual([{ type: 'paragraph', children: [{ text: 'hello' }] }]);
    // Each "&amp;" is one "&": the text is whole, in one paragraph.
    const references = importMarkdown(superLinear.markdownCharacterReferences());
    const referencesText = references.body.map((b) => ('children' in b ? b.children.map((c) => ('text' in c ? c.text : '')).join('') : ''));
    expect(referencesText.length).toBe(1);
    expect(referencesText[0] === 'zz&&'.repeat(16_000), 'the text between the character references is whole').toBe(true);
    const ninjsItem = importNinjs(superLinear.ninjsBylineSpaces());
    expect(ninjsItem.ok && ninjsItem.article.byline).toEqual([`Ann${' '.repeat(200_000)}Bo`, 'Cy']);
    // One block per <div>x: the article's 50,000, and the rest counted for the warning.
    const deep = htmlToBlocks(superLinear.htmlDeepDivs());
    expect(deep.blocks.every((b) => b.type === 'paragraph' && b.children.length === 1 && 'text' in b.children[0]! && b.children[0].text === 'x')).toBe(true);
    expect(deep.blocks.length + deep.droppedBlocks).toBe(128_000);
  });
});

describe('generated hostile input (property, per-input CPU limit)', () => {
  it.each(['markdown', 'html', 'text', 'paste'])(
    '%s: every input within the limit, well-formed',
    (name) => {
      const importer = IMPORTERS[name]!;
      fc.assert(
        fc.property(hostileText, (input) => {
          expect(timedImport(importer, input, name), `${name} on ${JSON.stringify(input.slice(0, 60))}… (${input.length} chars)`).toBeLessThan(limitFor(input));
        }),
        { numRuns: 25 },
      );
    },
    120_000,
  );

  it('ninjs: every input within the limit, well-formed', () => {
    fc.assert(
      fc.property(hostileNinjs, (input) => {
        expect(timedImport(ninjs, input, 'ninjs'), `ninjs on ${JSON.stringify(input.slice(0, 60))}…`).toBeLessThan(PER_INPUT_MS);
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});

describe('scaling', () => {
  /** Median CPU time for n and 4n units; linear is about 4×, quadratic 16×. */
  const ratio = (fn: (text: string) => unknown, unit: string, n: number) => {
    fn(unit.repeat(n)); // warm up
    const small = Math.max(
      medianCpuMs(() => fn(unit.repeat(n)), 3),
      1,
    );
    const large = medianCpuMs(() => fn(unit.repeat(4 * n)), 3);
    return large / small;
  };

  it('four times the Markdown takes less than eight times as long', () => {
    // Paragraphs just inside the per-paragraph limits, the importer's worst case.
    expect(ratio(importMarkdown, `${'*a_'.repeat(300)}\n${'[a]('.repeat(100)}\n\n`, 8)).toBeLessThan(8);
  }, 60_000);

  it('four times the HTML takes less than eight times as long (unclosed lists, deep divs)', () => {
    expect(ratio(htmlToBlocks, '<ul><li>x', 16_000)).toBeLessThan(8);
    expect(ratio(importHtml, '<div><span>x', 16_000)).toBeLessThan(8);
  }, 60_000);
});
