/**
 * IPTC ninjs export, version 3.1 (default) or 2.2. The two schemas share a structure but not
 * spelling: 3.x property names are camelCase (`firstCreated`, `pubStatus`, `contentType`,
 * `trustIndicators`, `infoSources`), 2.x all lower case (`firstcreated`, `pubstatus`, …).
 *
 * Where the AI-use declaration goes (neither version has a dedicated field):
 * - `trustIndicators`: the disclosure's policy page, role `urn:newsroomdesk:trust-indicator:ai-use-policy`
 *   (IPTC's trust-indicator vocabulary has no AI-policy code, so the role is our own URN).
 * - `infoSources`: one entry per declared use, named after the declared tools, with role
 *   `urn:newsroomdesk:ai-use:<use>` — the standard's place for parties that "modified, enhanced …
 *   or provided some information used to create" the content.
 * - `descriptions`: a plain-language statement of uses, tools and note (role `ai-use-declaration`).
 * - `digitalSourceType`: IPTC's `compositeWithTrainedAlgorithmicMedia` only when AI drafted text.
 * Authors are `by` (byline text) and `people` with rel `author` (the rel says they wrote it, not
 * that the story is about them).
 */
import type { AiDeclaration, Article } from '../model/article';
import type { AiDisclosureElement, ArticleBody, BlockElement } from '../model/document';
import { bodyPlainText, countWords } from '../model/document';
import { authorNames, isoDateTime, joinNames } from './common';
import { exportLanguage, publishedInput, type ExportInput } from './exportInput';
import { exportHtmlFragment } from './html';
import { isAbsoluteUri, safeImageSrc, safeUrl } from '../security/urlPolicy';
import { cleanLine, cleanText } from './cleanText';

export type NinjsVersion = '3.1' | '2.2';
export type NinjsDocument = Record<string, unknown>;

const SCHEMA_URI: Record<NinjsVersion, string> = {
  '3.1': 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#',
  '2.2': 'http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json#',
};

export const AI_POLICY_TRUST_ROLE = 'urn:newsroomdesk:trust-indicator:ai-use-policy';
const AI_USE_ROLE = 'urn:newsroomdesk:ai-use:';
const COMPOSITE_WITH_AI = 'http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia';

/** Property names that differ between versions; everything else is spelt the same. */
const NAMES = {
  '3.1': {
    representationType: 'representationType',
    firstCreated: 'firstCreated',
    versionCreated: 'versionCreated',
    pubStatus: 'pubStatus',
    contentType: 'contentType',
    charCount: 'charCount',
    wordCount: 'wordCount',
    infoSources: 'infoSources',
    trustIndicators: 'trustIndicators',
    altIds: 'altIds',
    digitalSourceType: 'digitalSourceType',
  },
  '2.2': {
    representationType: 'representationtype',
    firstCreated: 'firstcreated',
    versionCreated: 'versioncreated',
    pubStatus: 'pubstatus',
    contentType: 'contenttype',
    charCount: 'charcount',
    wordCount: 'wordcount',
    infoSources: 'infosources',
    trustIndicators: 'trustindicators',
    altIds: 'altids',
    digitalSourceType: 'digitalsourcetype',
  },
} as const;

/** An absolute URI a schema's `format: uri` accepts (spaces and non-ASCII percent-encoded), or undefined. */
function toUri(raw: string | undefined): string | undefined {
  const safe = raw === undefined ? undefined : safeUrl(raw);
  if (safe === undefined) return undefined;
  try {
    const href = new URL(safe).href;
    return isAbsoluteUri(href) ? href : undefined;
  } catch {
    return undefined;
  }
}

const urn = (kind: string, id: string) => `urn:newsroomdesk:${kind}:${encodeURIComponent(id) || 'unknown'}`;

function pubStatus(article: Article): 'usable' | 'withheld' {
  return article.status === 'approved' || article.status === 'exported' ? 'usable' : 'withheld';
}

function collect<T extends BlockElement['type']>(body: ArticleBody, type: T): Array<Extract<BlockElement, { type: T }>> {
  const out: Array<Extract<BlockElement, { type: T }>> = [];
  for (const block of body) {
    if (block.type === type) out.push(block as Extract<BlockElement, { type: T }>);
    else if (block.type === 'promo-box') out.push(...collect(block.children, type));
  }
  return out;
}

function aiStatement(decl: AiDeclaration): string | undefined {
  if (decl.uses.length === 0 && !decl.tools.trim() && !decl.note.trim()) return undefined;
  const parts = [decl.uses.length ? `AI used for: ${decl.uses.join(', ')}.` : 'AI use declared.'];
  if (decl.tools.trim()) parts.push(`Tools: ${cleanLine(decl.tools.trim())}.`);
  if (decl.note.trim()) parts.push(`Note: ${cleanText(decl.note.trim())}`);
  return parts.join(' ');
}

function disclosureIndicators(disclosures: readonly AiDisclosureElement[], n: (typeof NAMES)[NinjsVersion]) {
  const seen = new Set<string>();
  const out: Array<Record<string, string>> = [];
  for (const d of disclosures) {
    const href = toUri(d.snapshot.policyUrl);
    if (href === undefined || seen.has(href)) continue;
    seen.add(href);
    const indicator: Record<string, string> = { role: AI_POLICY_TRUST_ROLE, href };
    if (d.snapshot.title) indicator.title = cleanLine(d.snapshot.title);
    out.push(indicator);
  }
  return out.length ? { [n.trustIndicators]: out } : {};
}

/** The article as a ninjs object valid against the chosen schema version. */
export function exportNinjs(given: ExportInput, version: NinjsVersion = '3.1'): NinjsDocument {
  const input = publishedInput(given);
  const { article } = input;
  const n = NAMES[version];
  const doc: NinjsDocument = {
    uri: urn('article', article.id),
    standard: { name: 'ninjs', version, schema: SCHEMA_URI[version] },
    type: 'text',
    [n.representationType]: 'full',
    version: String(article.version),
  };
  const created = isoDateTime(article.createdAt);
  if (created) doc[n.firstCreated] = created;
  const updated = isoDateTime(article.updatedAt);
  if (updated) doc[n.versionCreated] = updated;
  doc[n.pubStatus] = pubStatus(article);
  doc.language = exportLanguage(input).lang;

  const headlines = [{ role: 'main', [n.contentType]: 'text/plain', value: cleanLine(article.headline) }];
  if (article.dek) headlines.push({ role: 'subheadline', [n.contentType]: 'text/plain', value: cleanLine(article.dek) });
  if (article.seoTitle) headlines.push({ role: 'seo', [n.contentType]: 'text/plain', value: cleanLine(article.seoTitle) });
  doc.headlines = headlines;

  const descriptions: Array<Record<string, string>> = [];
  if (article.dek) descriptions.push({ role: 'summary', [n.contentType]: 'text/plain', value: cleanText(article.dek) });
  if (article.seoDescription) descriptions.push({ role: 'seo', [n.contentType]: 'text/plain', value: cleanText(article.seoDescription) });
  const statement = aiStatement(article.aiDeclaration);
  if (statement) descriptions.push({ role: 'ai-use-declaration', [n.contentType]: 'text/plain', value: statement });
  if (descriptions.length) doc.descriptions = descriptions;

  const plain = bodyPlainText(article.body);
  doc.bodies = [
    {
      role: 'main',
      [n.contentType]: 'text/html',
      [n.charCount]: plain.length,
      [n.wordCount]: countWords(plain),
      value: exportHtmlFragment(input),
    },
  ];

  const names = authorNames(input.authors).map(cleanLine);
  if (names.length) doc.by = joinNames(names);
  const people = input.authors.filter((a) => a.name.trim()).map((a) => ({ name: cleanLine(a.name.trim()), rel: 'author', uri: urn('author', a.id) }));
  if (people.length) doc.people = people;

  const subjects = article.tags.map((tag) => ({ name: cleanLine(tag), rel: 'tag' }));
  if (article.section) subjects.unshift({ name: cleanLine(article.section), rel: 'section' });
  if (subjects.length) doc.subjects = subjects;
  if (article.slug) doc.slugline = cleanLine(article.slug);
  if (article.dateline) doc.located = cleanLine(article.dateline);

  const decl = article.aiDeclaration;
  if (decl.uses.length) {
    const tool = cleanLine(decl.tools.trim()) || 'AI tool';
    doc[n.infoSources] = decl.uses.map((use) => ({ name: tool, role: AI_USE_ROLE + use, literal: use }));
  }
  if (decl.uses.includes('drafting')) {
    doc[n.digitalSourceType] = { name: 'Composite with trained algorithmic media', uri: COMPOSITE_WITH_AI };
  }
  Object.assign(doc, disclosureIndicators(collect(article.body, 'ai-disclosure'), n));

  const associations = collect(article.body, 'image').map((image, i) => {
    const assoc: NinjsDocument = { name: `image-${i + 1}`, uri: urn('asset', image.assetId), type: 'picture' };
    if (version === '3.1') assoc.rel = 'inline-image';
    const desc: Array<Record<string, string>> = [];
    if (image.caption) desc.push({ role: 'caption', [n.contentType]: 'text/plain', value: cleanText(image.caption) });
    if (image.alt) desc.push({ role: 'alt', [n.contentType]: 'text/plain', value: cleanText(image.alt) });
    if (desc.length) assoc.descriptions = desc;
    if (image.credit) assoc.by = cleanLine(image.credit);
    const ref = safeImageSrc(input.assetUrl(image.assetId));
    const href = toUri(ref);
    // `href` must be an absolute URI; a file in the export folder is named by an alternative id instead.
    if (href !== undefined) assoc.renditions = [{ name: 'original', href }];
    else if (ref) assoc[n.altIds] = [{ role: 'export-file', value: cleanLine(ref) }];
    return assoc;
  });
  if (associations.length) doc.associations = associations;
  return doc;
}

/** `exportNinjs` serialised as pretty-printed JSON. */
export function exportNinjsJson(input: ExportInput, version: NinjsVersion = '3.1'): string {
  return JSON.stringify(exportNinjs(input, version), null, 2) + '\n';
}
