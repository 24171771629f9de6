/**
 * The text policy shared by every exporter (links and image sources: shared/security/urlPolicy).
 * Pure: runs in Node and the browser.
 */

/*
 * Bidirectional embedding/override (U+202A–U+202E) and isolate (U+2066–U+2069) controls are
 * removed, not escaped: they can visually reorder a headline or link text ("Trojan Source"
 * spoofing), and an unbalanced one leaks into whatever page or CMS field the export is pasted
 * into. Right-to-left text needs none of them to display correctly — the Unicode bidi
 * algorithm orders it — and the non-overriding marks (LRM, RLM, ALM) are kept.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/* C0/C1 controls other than tab and newline are invalid in XML (docx) and parse errors in HTML. */
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** Text as every exporter writes it: no bidi overrides, no control characters, well-formed UTF-16, `\r\n` → `\n`. */
const NEEDS_CLEANING = /[\r\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]/;

export function cleanText(text: string): string {
  if (!NEEDS_CLEANING.test(text)) return text;
  return text.replace(/\r\n?/g, '\n').replace(BIDI_CONTROLS, '').replace(CONTROL_CHARS, '').replace(LONE_SURROGATES, '\uFFFD');
}

/** Single-line text for titles and attribute-like fields: newlines and tabs become spaces. */
export function cleanLine(text: string): string {
  return cleanText(text).replace(/[\n\t]/g, ' ');
}
