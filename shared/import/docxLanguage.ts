/**
 * The language of a Word document, from its styles part (word/styles.xml): the `w:lang` of the
 * run defaults (`w:docDefaults`), else of the Normal paragraph style. A right-to-left document
 * (`w:bidi` in the paragraph defaults or the Normal style) is in its complex-script language
 * (`w:lang w:bidi="ar-SA"`). Read with plain, linear searches; the part is size-limited by the
 * caller's zip check.
 */
import { normalizeLanguageTag } from '../language/languageTag';

const LANG = /<w:lang\b[^>]*>/;
const attribute = (element: string, name: string): string | undefined => new RegExp(`\\bw:${name}="([^"]{1,100})"`).exec(element)?.[1];

/** The part of `xml` from `open` to the matching close tag (or ''), without parsing the rest. */
function section(xml: string, open: string, close: string): string {
  const start = xml.indexOf(open);
  if (start < 0) return '';
  const end = xml.indexOf(close, start);
  return end < 0 ? '' : xml.slice(start, end);
}

function normalStyle(xml: string): string {
  const at = xml.search(/<w:style\b[^>]*\bw:styleId="Normal"/);
  if (at < 0) return '';
  const end = xml.indexOf('</w:style>', at);
  return end < 0 ? '' : xml.slice(at, end);
}

function languageIn(part: string): string | undefined {
  const lang = LANG.exec(part)?.[0];
  if (!lang) return undefined;
  const bidi = /<w:bidi\s*\/>|<w:bidi\s+w:val="(?:1|true|on)"\s*\/>/.test(part);
  const tag = (bidi ? attribute(lang, 'bidi') : undefined) ?? attribute(lang, 'val');
  return tag === undefined ? undefined : (normalizeLanguageTag(tag) ?? undefined);
}

/** The document's language as a BCP 47 tag, or undefined when the styles do not say. */
export function docxLanguage(stylesXml: string): string | undefined {
  return languageIn(section(stylesXml, '<w:docDefaults', '</w:docDefaults>')) ?? languageIn(normalStyle(stylesXml));
}
