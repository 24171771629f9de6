import { describe, expect, it } from 'vitest';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { auditHtml } from './__fixtures__/htmlAudit';
import { hostileInput, sampleInput } from './__fixtures__/sampleArticle';
import { exportMarkdown, yamlString } from './markdown';

/** Renders as a permissive CommonMark/GFM renderer would: raw HTML passed through. */
const render = (md: string) => micromark(md, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });

describe('exportMarkdown', () => {
  it('writes YAML front matter with JSON-style strings', () => {
    const md = exportMarkdown(sampleInput({ headline: 'He said "no": #1 \\ \u2028 end' }));
    expect(md.startsWith('---\nheadline: "He said \\"no\\": #1 \\\\ \\u2028 end"\n')).toBe(true);
    expect(md).toContain(
      '\ntags: ["flooding", "local government"]\nbyline: ["Mara Lindqvist"]\nlang: "en-GB"\ndateline: "VESTMARK"\naiUse: ["research", "editing"]\naiTools: "Transcription assistant"\naiNote: "Quotes checked against recordings."\n---\n',
    );
    expect(yamlString('a\u0085b')).toBe('"a\\u0085b"');
  });

  it('uses Markdown marks where they are unambiguous and fixed tags otherwise', () => {
    const md = exportMarkdown(sampleInput());
    expect(md).toContain('I am a staff writer on the **climate and cities** desk.');
    expect(md).toContain('said deputy mayor Ines Halvorsen. "*Luck is not a plan.*"');
  });

  it('renders hostile text inertly in a Markdown renderer that allows raw HTML', () => {
    const md = exportMarkdown(hostileInput());
    expect(md).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(md).not.toMatch(/\]\(<?\s*(javascript|data):/i);
    const audit = auditHtml(render(md.replace(/^---\n[\s\S]*?\n---\n/, '')));
    expect(audit.problems).toEqual([]);
    expect(
      audit.elements.filter(
        (e) => !['p', 'h2', 'h3', 'ul', 'ol', 'li', 'a', 'strong', 'em', 'del', 'u', 'sup', 'sub', 'br', 'blockquote', 'hr', 'img'].includes(e),
      ),
    ).toEqual([]);
    expect(audit.text).toContain('<script>alert(1)</script>');
    expect(audit.text).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('the end of the body', () => {
  it('ends with the last block, not the empty paragraph the editor keeps after it', () => {
    const sample = sampleInput();
    const empty = { type: 'paragraph' as const, children: [{ text: '' }] };
    const md = exportMarkdown({ ...sample, article: { ...sample.article, body: [...sample.article.body, empty] } });
    expect(md).not.toMatch(/<!-- -->\s*$/);
    expect(md).toBe(exportMarkdown(sample));
  });
});
