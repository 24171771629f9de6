/**
 * What the Markdown importer refuses before parsing, found in one linear pass over the text.
 *
 * micromark resolves a paragraph's inline syntax (emphasis, links, code spans) by scanning and
 * splicing its event list, which costs time proportional to the square of the syntax marks in one
 * paragraph: 16,000 `*a_` take 30 s. Bounding the marks and lines of every paragraph bounds that
 * square, so the whole parse stays linear in the file. Containers nested very deep cost the same
 * way at the block level. No article comes near these limits.
 */

/** Block quotes and lists nested deeper than this are refused (the syntax tree is also walked recursively). */
export const MAX_MARKDOWN_NESTING = 100;
/** Emphasis, link, code and HTML marks (`* _ ~ [ ] ` < @`) in one paragraph. */
export const MAX_PARAGRAPH_MARKS = 1_000;
/** Lines in one paragraph (each line break is spliced into the paragraph's events). */
export const MAX_PARAGRAPH_LINES = 1_000;

export type MarkdownLimitBreach = { kind: 'nesting' } | { kind: 'marks'; line: number } | { kind: 'lines'; line: number };

const CONTAINER_MARKER = /^(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/;

/** The container nesting one line opens: its leading markers plus two columns of indentation per level. */
function lineNesting(line: string): number {
  let depth = 0;
  let indent = 0;
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === ' ' || c === '\t') {
      if (depth === 0) indent += c === '\t' ? 4 : 1;
      i++;
      continue;
    }
    const marker = CONTAINER_MARKER.exec(line.slice(i, i + 11));
    if (!marker) break;
    depth++;
    i += marker[0].length;
  }
  return depth + Math.floor(indent / 2);
}

/** The line without its block-quote markers (`>`, each with up to three spaces before and one after), and how many there were. */
function quoteContent(line: string): { content: string; quotes: number } {
  let i = 0;
  for (let quotes = 0; ; quotes++) {
    let j = i;
    while (j < line.length && j - i < 3 && line[j] === ' ') j++;
    if (line[j] !== '>') return { content: line.slice(i), quotes };
    i = j + 1;
    if (line[i] === ' ' || line[i] === '\t') i++;
  }
}

const INTERRUPTS = /^ {0,3}(?:[-+*][ \t]+\S|1[.)][ \t]+\S|#{1,6}(?:[ \t]|$)|([*_-])(?:[ \t]*\1){2,}[ \t]*$|```|~~~)/;

const ORDERED_ITEM = /^( {0,3})\d{1,9}([.)])[ \t]+\S/;

/** An ordered item's quote depth, indentation and delimiter: a next item with the same ones is its sibling. */
const orderedItemKey = (content: string, quotes: number): string | undefined => {
  const m = ORDERED_ITEM.exec(content);
  return m ? `${quotes}:${m[1]!.length}:${m[2]}` : undefined;
};

/**
 * Splits the text into spans that each hold whole paragraphs. A span ends before a line that surely
 * ends any paragraph: a blank line; a bullet, a list numbered from 1, a heading, a rule or a fence
 * within three columns; or the next sibling of the ordered item that began the span (`2.` after
 * `1.`). Lines that might continue a paragraph (`2.` after plain text) never end a span.
 */
class ParagraphSpans {
  private orderedKey: string | undefined;
  private afterBlank = true;

  /** Whether `line` starts a new span. */
  startsSpan(line: string): boolean {
    const { content, quotes } = quoteContent(line);
    const blank = content.trim() === '';
    const key = orderedItemKey(content, quotes);
    // After a blank line no paragraph is open, so any ordered item may begin a span.
    const starts = blank || INTERRUPTS.test(content) || (key !== undefined && (key === this.orderedKey || this.afterBlank));
    if (starts) this.orderedKey = key;
    this.afterBlank = blank;
    return starts;
  }
}

const MARKS = new Set(['*', '_', '~', '[', ']', '`', '<', '@']);
const RUNS = new Set(['*', '_', '~', '`']);
/** Thousands of emphasis delimiters in a row nest emphasis that deep: seconds of parsing, then a stack overflow. */
const EMPHASIS_RUN = 1_000;

/** The first limit the Markdown breaks, or undefined. One pass; each line is read a fixed number of times. */
export function markdownLimitBreach(text: string): MarkdownLimitBreach | undefined {
  let marks = 0;
  let lines = 0;
  let lineNumber = 0;
  let start = 0;
  const spans = new ParagraphSpans();
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    lineNumber++;
    if (lineNesting(line) > MAX_MARKDOWN_NESTING) return { kind: 'nesting' };
    if (spans.startsSpan(line)) {
      marks = 0;
      lines = 0;
    }
    if (++lines > MAX_PARAGRAPH_LINES) return { kind: 'lines', line: lineNumber };
    let previous = '';
    let run = 0;
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (c === '\\') {
        i++;
        previous = '';
        continue;
      }
      run = c === previous ? run + 1 : 1;
      previous = c;
      if (!MARKS.has(c)) continue;
      // Emphasis nests as deep as half its delimiter run.
      if (run > EMPHASIS_RUN && (c === '*' || c === '_')) return { kind: 'nesting' };
      // A run of one delimiter (`***`, ````) is one mark to the parser; brackets and `<` each count.
      if ((run === 1 || !RUNS.has(c)) && ++marks > MAX_PARAGRAPH_MARKS) return { kind: 'marks', line: lineNumber };
    }
    start = end + 1;
  }
  return undefined;
}
