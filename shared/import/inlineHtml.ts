/**
 * A bounded replacement for micromark's inline HTML construct. The stock one scans an unclosed
 * `<!--`, `<!x`, `<?` or quoted attribute to the end of the paragraph on every attempt, so a
 * paragraph of thousands of them parses in quadratic time. The importer only needs the fixed mark
 * tags the exporter writes (`<u>`, `</u>`, `<br>`, `<br/>`) and the empty comment `<!-- -->`;
 * anything else starting with `<` stays literal text, as it did when it was read as HTML.
 * Every attempt reads only the `<`, a short tag name and the spaces right after it: linear in total.
 */
import type { Code, Construct, Effects, Extension, State } from 'micromark-util-types';

const LT = 60;
const GT = 62;
const SLASH = 47;
const BANG = 33;
const DASH = 45;
const SPACE = 32;
const TAB = 9;
const MAX_NAME = 16;

const isAlpha = (code: Code) => code !== null && ((code >= 65 && code <= 90) || (code >= 97 && code <= 122));
const isDigit = (code: Code) => code !== null && code >= 48 && code <= 57;

function tokenizeTag(effects: Effects, ok: State, nok: State): State {
  let nameLength = 0;
  let dashes = 0;
  const consume = (code: Code, next: State): State | undefined => {
    effects.consume(code);
    return next;
  };
  const start: State = (code) => {
    if (code !== LT) return nok(code);
    effects.enter('htmlText');
    effects.enter('htmlTextData');
    return consume(code, open);
  };
  const open: State = (code) => {
    if (code === SLASH) return consume(code, nameStart);
    if (code === BANG) return consume(code, commentOpen);
    return nameStart(code);
  };
  const nameStart: State = (code) => (isAlpha(code) ? consume(code, name) : nok(code));
  const name: State = (code) => {
    if ((isAlpha(code) || isDigit(code)) && ++nameLength < MAX_NAME) return consume(code, name);
    return afterName(code);
  };
  const afterName: State = (code) => {
    if (code === SPACE || code === TAB) return consume(code, afterName);
    if (code === SLASH) return consume(code, close);
    return close(code);
  };
  const close: State = (code) => {
    if (code !== GT) return nok(code);
    effects.consume(code);
    effects.exit('htmlTextData');
    effects.exit('htmlText');
    return ok;
  };
  // `<!--`, spaces, `-->`: the empty comment only.
  const commentOpen: State = (code) => {
    if (code !== DASH) return nok(code);
    return ++dashes === 2 ? consume(code, commentBody) : consume(code, commentOpen);
  };
  const commentBody: State = (code) => {
    if (code === SPACE || code === TAB) return consume(code, commentBody);
    dashes = 0;
    return commentClose(code);
  };
  const commentClose: State = (code) => {
    if (code === DASH && dashes < 2) {
      dashes++;
      return consume(code, commentClose);
    }
    return dashes === 2 ? close(code) : nok(code);
  };
  return start;
}

// Named apart from the stock construct, which `disable` switches off by name.
const boundedHtmlText: Construct = { name: 'boundedHtmlText', tokenize: tokenizeTag };

/** Swaps micromark's inline HTML for the bounded one. */
export const boundedInlineHtml: Extension = {
  text: { [LT]: boundedHtmlText },
  disable: { null: ['htmlText'] },
};
