/**
 * An article's language through every format and store that is plain TS: the HTML page's lang and
 * dir, ninjs `language` (valid against both schemas), the Markdown front matter, each importer
 * reading it back, the Yjs document and the bundle (old bundles without one still open).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { exportHtmlPage } from '../export/html';
import { exportMarkdown } from '../export/markdown';
import { exportNinjs } from '../export/ninjs';
import { makeArticle, sampleInput } from '../export/__fixtures__/sampleArticle';
import { importHtml } from '../exchange/importText';
import { importNinjs } from '../exchange/ninjs';
import { finishImport, type ImportedArticle } from '../exchange/importedArticle';
import { BUNDLE_FORMAT, checkBundle } from '../exchange/bundle';
import { importMarkdown } from '../import/markdown';
import { docxLanguage } from '../import/docxLanguage';
import { articleToDoc, docToArticleFields, fieldsMap, readArticleDoc, writeDetailsToDoc } from '../sync/articleDoc';
import { updateProblem } from '../sync/updatePolicy';
import type { ArticleBody } from '../model/document';
import { emptyArticleFields, type ArticleFields } from '../model/article';

const ARABIC_BODY: ArticleBody = [{ type: 'paragraph', children: [{ text: 'قال Ahmed Salem إن 42 منزلاً غمرتها المياه في 2025.' }] }];
const arabic = () => sampleInput({ language: 'ar', headline: 'الفيضانات في المدينة', dek: 'تقرير من الميناء', body: ARABIC_BODY });
const hebrew = () =>
  sampleInput({ language: 'he-IL', headline: 'שיטפון בעיר', body: [{ type: 'paragraph', children: [{ text: 'דני Cohen אמר ש-3 בתים נפגעו.' }] }] });

const imported = (fields: Partial<ArticleFields>): ImportedArticle => ({ fields, byline: [], body: [], images: [], warnings: [] });

describe('exports say the article’s language', () => {
  it('HTML: lang and dir on <html>, right to left for Arabic and Hebrew', () => {
    expect(exportHtmlPage(arabic())).toMatch(/^<!doctype html>\n<html lang="ar" dir="rtl">/);
    expect(exportHtmlPage(hebrew())).toMatch(/^<!doctype html>\n<html lang="he-IL" dir="rtl">/);
    expect(exportHtmlPage(sampleInput({ language: 'fr' }))).toMatch(/^<!doctype html>\n<html lang="fr" dir="ltr">/);
    // Text keeps its own characters; the direction comes from the markup.
    expect(exportHtmlPage(arabic())).toContain('قال Ahmed Salem إن 42 منزلاً');
  });

  it('HTML: a stored tag that is not valid never reaches the markup', () => {
    expect(exportHtmlPage(sampleInput({ language: '"><script>' }))).toMatch(/^<!doctype html>\n<html lang="en" dir="ltr">/);
  });

  it('ninjs: `language` is the article’s, in 3.1 and 2.2', () => {
    expect(exportNinjs(arabic()).language).toBe('ar');
    expect(exportNinjs(hebrew(), '2.2').language).toBe('he-IL');
    expect(exportNinjs(sampleInput()).language).toBe('en-GB');
  });

  it('Markdown: `lang` in the front matter, read back by the importer', () => {
    const md = exportMarkdown(arabic());
    expect(md).toContain('\nlang: "ar"\n');
    expect(importMarkdown(md).fields.language).toBe('ar');
  });
});

describe('importers read the language where the format has it', () => {
  it('HTML: the lang of <html>, else of <body> or <article>', () => {
    expect(importHtml(exportHtmlPage(hebrew())).fields.language).toBe('he-IL');
    expect(importHtml('<html><body lang="fa"><h1>عنوان</h1><p>متن</p></body></html>').fields.language).toBe('fa');
    expect(importHtml('<p>No language</p>').fields.language).toBeUndefined();
  });

  it('ninjs: `language`', () => {
    const result = importNinjs(JSON.stringify(exportNinjs(arabic())));
    expect(result.ok && result.article.fields.language).toBe('ar');
  });

  it('Markdown: `lang` or `language` in the front matter', () => {
    expect(importMarkdown('---\nheadline: Hallo\nlanguage: de-AT\n---\n\nText').fields.language).toBe('de-AT');
    expect(importMarkdown('---\nlang: ur\n---\n\nمتن').fields.language).toBe('ur');
    expect(importMarkdown('# Just text').fields.language).toBeUndefined();
  });

  it('Word: the run defaults’ w:lang, the complex-script one when paragraphs are right to left', () => {
    const styles = (pPr: string, lang: string) =>
      `<w:styles><w:docDefaults><w:rPrDefault><w:rPr>${lang}</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>${pPr}</w:pPr></w:pPrDefault></w:docDefaults></w:styles>`;
    expect(docxLanguage(styles('', '<w:lang w:val="en-GB"/>'))).toBe('en-GB');
    expect(docxLanguage(styles('<w:bidi/>', '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'))).toBe('ar-SA');
    expect(docxLanguage(styles('', '<w:lang w:val="en-US" w:bidi="ar-SA"/>'))).toBe('en-US');
    expect(docxLanguage('<w:styles><w:style w:type="paragraph" w:styleId="Normal"><w:rPr><w:lang w:val="fr-FR"/></w:rPr></w:style></w:styles>')).toBe('fr-FR');
    expect(docxLanguage(styles('', '<w:lang w:val="not a tag"/>'))).toBeUndefined();
    expect(docxLanguage('<w:styles/>')).toBeUndefined();
  });

  it('a tag that is not BCP 47 is left out with a plain warning, the article still imports', () => {
    const result = finishImport(imported({ headline: 'x', language: 'Klingon (Imperial)' }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.fields.language).toBeUndefined();
    expect(result.article.warnings.join(' ')).toMatch(/not a language tag such as “en” or “ar”; the article takes the desk's default language/);
    const good = finishImport(imported({ language: 'pt_br' }));
    expect(good.ok && good.article.fields.language).toBe('pt-BR');
  });
});

describe('sync and bundles keep the language', () => {
  const fields = (): ArticleFields => ({ ...emptyArticleFields(), headline: 'عنوان', language: 'ar', body: ARABIC_BODY });

  it('Yjs: written, read, sent and changed (last writer wins) like the other plain details', () => {
    const doc = articleToDoc(fields());
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(docToArticleFields(copy)).toEqual(fields());
    const before = Y.encodeStateVector(copy);
    writeDetailsToDoc(copy, { language: 'he' });
    const update = Y.encodeStateAsUpdate(copy, before);
    expect(updateProblem(update)).toBeUndefined();
    Y.applyUpdate(doc, update);
    expect(docToArticleFields(doc).language).toBe('he');
  });

  it('Yjs: a document from before languages reads as English; one with a bad tag is refused in a sentence', () => {
    const doc = articleToDoc(fields());
    fieldsMap(doc).delete('language');
    expect(readArticleDoc(doc)).toMatchObject({ ok: true, fields: { language: 'en' } });
    fieldsMap(doc).set('language', 'not a tag!');
    expect(readArticleDoc(doc)).toEqual({ ok: false, reason: 'The article document has content the desk does not accept (at language).' });
  });

  it('bundles: the language comes back; a bundle written before languages opens in English', () => {
    const article = makeArticle(ARABIC_BODY, { language: 'ar' });
    const { trashedAt: _t, ...stored } = article;
    const bundle = {
      format: BUNDLE_FORMAT,
      formatVersion: 2,
      exportedAt: article.updatedAt,
      generator: 'test',
      article: stored,
      authors: [],
      disclosures: [],
      assets: [],
    };
    const back = checkBundle(JSON.parse(JSON.stringify(bundle)));
    expect(back.ok && back.bundle.article).toEqual(stored);
    const { language: _l, ...old } = stored;
    const oldBack = checkBundle(JSON.parse(JSON.stringify({ ...bundle, formatVersion: 1, article: old })));
    expect(oldBack.ok && oldBack.bundle.article.language).toBe('en');
    const bad = checkBundle({ ...bundle, article: { ...stored, language: 'x y' } });
    expect(bad.ok).toBe(false);
  });
});
