/**
 * Clipboard HTML (Google Docs, Microsoft Word, web pages) → article blocks.
 * One streaming pass with htmlparser2, so it runs without a DOM and in linear
 * time. The output is built from the model's own types: no styles, classes or
 * unknown elements can get through.
 */
import { Parser, type Handler } from 'htmlparser2';
import { BODY_LIMITS, type BlockElement, type FormattedText, type InlineNode, type LinkElement, type Mark } from '../model/document';
import { isAllowedLinkUrl, safeImageSrc } from '../security/urlPolicy';

export type PastedImageMime = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp';

/** An image that arrived inline as a data: URL; its block's assetId is `placeholder` until stored. */
export type PastedImage = { placeholder: string; mimeType: PastedImageMime; dataBase64: string; fileName: string };

/** An image on the web (http or https); its block's assetId is `placeholder` until fetched and stored. */
export type WebImageRef = { placeholder: string; url: string };

export type HtmlConversion = {
  blocks: BlockElement[];
  images: PastedImage[];
  /** With `webImages`: images that are web addresses, to fetch; otherwise they count as dropped. */
  webImages: WebImageRef[];
  /** Images that were links to elsewhere (or of a refused type) and were left out. */
  droppedImages: number;
  /** Blocks beyond the model's limit (BODY_LIMITS.maxBlocks) that were left out. */
  droppedBlocks: number;
  /** The text of the document's first <title>, if any (whitespace collapsed, at most MAX_TITLE_LENGTH). */
  title: string | undefined;
  /** The document's `lang` (on <html>, else <body> or <article>), as written; the importer checks it. */
  lang: string | undefined;
};

const MAX_TITLE_LENGTH = 1_000;
/** Web images one paste may fetch; more are left out and counted. */
export const MAX_WEB_IMAGES = 50;
/** Open elements at which nesting starts again from the top level; no real document comes near. */
export const MAX_OPEN_ELEMENTS = 1_000;
const TOO_DEEP = new Error('nested too deep');

type MarkState = Partial<Record<Mark, boolean>>;
type BlockKind =
  { type: 'paragraph' } | { type: 'heading'; level: 1 | 2 } | { type: 'block-quote' } | { type: 'list-item'; list: 'bulleted' | 'numbered'; depth: number };

type Frame = {
  name: string;
  marks: MarkState;
  /** Set on block-level frames: what text inside becomes. */
  kind?: BlockKind;
  link?: boolean;
  skip?: boolean;
  pre?: boolean;
  list?: 'bulleted' | 'numbered';
  quote?: boolean;
  /** On a figure: how many blocks existed when it opened, so its caption finds its own image. */
  figureStart?: number;
  caption?: boolean;
  /** Word's list marker ("1.", "·") that the list style, not the text, shows. */
  wordMarker?: boolean;
  /*
   * Inherited from the parent when the frame opens, so nothing walks the stack: 10,000 unclosed
   * <li> or <div> would make every walk as long as the stack (quadratic time).
   */
  /** The nearest frame (this or an ancestor) with a block kind. */
  kindFrame?: Frame;
  /** The lists open around this frame, and the innermost one's kind. */
  listDepth: number;
  innerList?: 'bulleted' | 'numbered';
  /** The nearest open figure, and the nearest list item. */
  figure?: Frame;
  listItemFrame?: Frame;
  /** Inside <svg> or <math>, whose <title> is not the document's. */
  foreign?: boolean;
};

/** Elements whose content is never text of the story. */
const SKIP = new Set([
  'script',
  'style',
  'iframe',
  'head',
  'title',
  'template',
  'noscript',
  'object',
  'embed',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'select',
  'textarea',
  'button',
  'xml',
  'o:p',
  'meta',
  'link',
]);
const BLOCKS = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'li',
  'ul',
  'ol',
  'pre',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'aside',
  'nav',
  'figure',
  'figcaption',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'caption',
  'dl',
  'dt',
  'dd',
  'address',
  'center',
  'body',
  'html',
  'hr',
  'details',
  'summary',
]);
const TAG_MARKS: Record<string, MarkState> = {
  b: { bold: true },
  strong: { bold: true },
  i: { italic: true },
  em: { italic: true },
  cite: { italic: true },
  u: { underline: true },
  ins: { underline: true },
  s: { strikethrough: true },
  strike: { strikethrough: true },
  del: { strikethrough: true },
  sup: { superscript: true, subscript: false },
  sub: { subscript: true, superscript: false },
};
const IMAGE_DATA_URL = /^data:(image\/(?:png|jpeg|gif|webp));base64,([a-z0-9+/=\s]+)$/i;
const WORD_LIST = /mso-list:\s*l\d+\s+level(\d+)/i;
const WHITESPACE = /[ \t\n\r\f]+/g;

/** Reads the few inline styles that carry meaning; everything else is ignored. */
function styleMarks(style: string, marks: MarkState): void {
  for (const decl of style.split(';')) {
    const colon = decl.indexOf(':');
    if (colon < 0) continue;
    const prop = decl.slice(0, colon).trim().toLowerCase();
    const value = decl
      .slice(colon + 1)
      .trim()
      .toLowerCase();
    if (prop === 'font-weight') {
      const n = Number.parseInt(value, 10);
      marks.bold = value === 'bold' || value === 'bolder' || (Number.isFinite(n) && n >= 600);
    } else if (prop === 'font-style') {
      marks.italic = value.startsWith('italic') || value.startsWith('oblique');
    } else if (prop === 'text-decoration' || prop === 'text-decoration-line') {
      marks.underline = value.includes('underline');
      marks.strikethrough = value.includes('line-through');
    } else if (prop === 'vertical-align') {
      marks.superscript = value === 'super';
      marks.subscript = value === 'sub';
    }
  }
}

function headingLevel(name: string): 1 | 2 {
  return name === 'h1' || name === 'h2' ? 1 : 2;
}

export type HtmlOptions = {
  /** Keep http(s) images as blocks waiting to be fetched (a paste does; imports never fetch). */
  webImages?: boolean;
};

export function htmlToBlocks(html: string, options: HtmlOptions = {}): HtmlConversion {
  const blocks: BlockElement[] = [];
  const images: PastedImage[] = [];
  const webImages: WebImageRef[] = [];
  let droppedImages = 0;
  let droppedBlocks = 0;

  const root: Frame = { name: '#root', marks: {}, listDepth: 0 };
  const stack: Frame[] = [root];
  let marks: MarkState = {};
  let skipDepth = 0;
  let preDepth = 0;
  let inWordMarker = false;
  let wordMarker = '';

  // The block being filled.
  let kind: BlockKind | null = null;
  let inlines: InlineNode[] = [];
  /** Characters in the block being filled: none may exceed what the model allows one text leaf. */
  let blockLength = 0;
  let link: LinkElement | null = null;
  let linkPlaced = false;
  let lastWasSpace = true;
  let wordListBlock = false;
  let captionTarget: Extract<BlockElement, { type: 'image' }> | null = null;
  let title: string | undefined;
  let lang: string | undefined;
  let inTitle = false;

  const top = () => stack[stack.length - 1]!;

  function currentKind(): BlockKind {
    return top().kindFrame?.kind ?? { type: 'paragraph' };
  }

  /*
   * The last leaf's text is kept as parts until the leaf is complete: reading or trimming a string
   * built by `+=` flattens it, so trimming before every <br> would copy the whole leaf each time.
   */
  let openLeaf: FormattedText | null = null;
  let openParts: string[] = [];

  function closeLeaf(): void {
    if (openLeaf) openLeaf.text = openParts.join('');
    openLeaf = null;
    openParts = [];
  }

  /** Drops the spaces at the end of the open leaf, touching only its last parts. */
  function trimOpenLeafEnd(): void {
    while (openParts.length > 0) {
      const trimmed = trimEnd(openParts[openParts.length - 1]!, ' ');
      if (trimmed !== '') {
        openParts[openParts.length - 1] = trimmed;
        return;
      }
      openParts.pop();
    }
  }

  function flush(): void {
    closeLeaf();
    if (kind) {
      const children = trimInlines(inlines);
      if (children.length > 0 && blocks.length < BODY_LIMITS.maxBlocks) blocks.push({ ...kind, children } as BlockElement);
      else if (children.length > 0) droppedBlocks++;
    }
    kind = null;
    inlines = [];
    blockLength = 0;
    link = null;
    linkPlaced = false;
    lastWasSpace = true;
  }

  /** Adds text to the block; `verbatim` text (line breaks) skips whitespace collapsing. */
  function appendText(raw: string, verbatim = false): void {
    if (inTitle && title!.length < MAX_TITLE_LENGTH) title = (title + raw).slice(0, MAX_TITLE_LENGTH);
    if (skipDepth > 0) return;
    if (inWordMarker) {
      wordMarker += raw;
      return;
    }
    let text = preDepth > 0 || verbatim ? raw : raw.replace(WHITESPACE, ' ');
    if (captionTarget) {
      const joined = (captionTarget.caption + text).replace(WHITESPACE, ' ').trimStart();
      captionTarget.caption = joined.slice(0, BODY_LIMITS.maxFieldLength);
      return;
    }
    if (preDepth === 0 && !verbatim && lastWasSpace && text.startsWith(' ')) text = text.slice(1);
    if (!text) return;
    if (!kind) {
      if (preDepth === 0 && text.trim() === '') return;
      kind = currentKind();
    }
    const endsInSpace = preDepth === 0 && (verbatim || text.endsWith(' '));
    // Text longer than a leaf may hold (a whole page in one <p> or <pre>) continues in blocks of the same kind.
    while (blockLength + text.length > BODY_LIMITS.maxTextLength) {
      const room = BODY_LIMITS.maxTextLength - blockLength;
      placeText(text.slice(0, room));
      const continuing: BlockKind | null = kind;
      flush();
      kind = continuing;
      text = text.slice(room);
    }
    placeText(text);
    lastWasSpace = endsInSpace;
  }

  function placeText(text: string): void {
    blockLength += text.length;
    const leaf: FormattedText = { text: text.replace(/\u00a0/g, ' ') };
    for (const m of Object.keys(marks) as Mark[]) if (marks[m]) leaf[m] = true;
    if (leaf.underline && link) delete leaf.underline; // Link styling, not the writer's underline.
    const target: InlineNode[] = link ? link.children : inlines;
    if (link && !linkPlaced) {
      inlines.push(link);
      linkPlaced = true;
    }
    const prev = target[target.length - 1];
    if (prev && prev === openLeaf && sameMarks(prev, leaf)) {
      openParts.push(leaf.text);
      return;
    }
    closeLeaf();
    if (prev && !('type' in prev) && sameMarks(prev, leaf)) {
      // A closed leaf with the same marks (its link ended, say) takes the text; it is open again.
      openParts = [prev.text, leaf.text];
      openLeaf = prev;
      return;
    }
    target.push(leaf);
    openLeaf = leaf;
    openParts = [leaf.text];
  }

  function lineBreak(): void {
    if (skipDepth > 0 || !kind) return;
    // A space before the break is invisible on the page; drop it.
    const last = (link ? link.children : inlines).at(-1);
    if (last && last === openLeaf) trimOpenLeafEnd();
    else if (last && !('type' in last)) last.text = trimEnd(last.text, ' ');
    appendText('\n', true);
  }

  function pushBlock(block: BlockElement): void {
    flush();
    if (blocks.length < BODY_LIMITS.maxBlocks) blocks.push(block);
    else droppedBlocks++;
  }

  function openImage(attribs: Record<string, string>): void {
    const alt = (attribs.alt ?? '').replace(WHITESPACE, ' ').trim().slice(0, BODY_LIMITS.maxFieldLength);
    const match = IMAGE_DATA_URL.exec(attribs.src?.trim() ?? '');
    if (!match) {
      const web = options.webImages ? safeImageSrc(attribs.src) : undefined;
      if (web === undefined || !/^https?:/i.test(web) || webImages.length >= MAX_WEB_IMAGES) {
        droppedImages++;
        return;
      }
      const placeholder = `web:${webImages.length}`;
      webImages.push({ placeholder, url: web });
      pushBlock({ type: 'image', assetId: placeholder, alt, caption: '', credit: '', children: [{ text: '' }] });
      return;
    }
    const placeholder = `pending:${images.length}`;
    const mimeType = match[1]!.toLowerCase() as PastedImageMime;
    const extension = mimeType.split('/')[1] === 'jpeg' ? 'jpg' : mimeType.split('/')[1];
    images.push({ placeholder, mimeType, dataBase64: match[2]!.replace(/\s+/g, ''), fileName: `pasted-image-${images.length + 1}.${extension}` });
    pushBlock({ type: 'image', assetId: placeholder, alt, caption: '', credit: '', children: [{ text: '' }] });
  }

  /** Back to the top level, keeping the blocks: nesting beyond MAX_OPEN_ELEMENTS is read from there. */
  function restartAtTop(): void {
    flush();
    stack.length = 1;
    marks = {};
    skipDepth = 0;
    preDepth = 0;
    inWordMarker = false;
    inTitle = false;
    wordListBlock = false;
    captionTarget = null;
  }

  const handlers: Partial<Handler> = {
    onopentag(name, attribs) {
      if (stack.length >= MAX_OPEN_ELEMENTS) throw TOO_DEEP;
      // Void elements get no frame: htmlparser2 reports them closed at once.
      if (name === 'br' || name === 'img' || name === 'hr') {
        if (skipDepth > 0) return;
        if (name === 'br') return lineBreak();
        if (name === 'img') return openImage(attribs);
        return pushBlock({ type: 'section-break', children: [{ text: '' }] });
      }
      const parent = top();
      const frame: Frame = {
        name,
        marks: parent.marks,
        kindFrame: parent.kindFrame,
        listDepth: parent.listDepth,
        innerList: parent.innerList,
        figure: parent.figure,
        listItemFrame: parent.listItemFrame,
        foreign: parent.foreign || name === 'svg' || name === 'math',
      };
      if (lang === undefined && (name === 'html' || name === 'body' || name === 'article') && attribs.lang) lang = attribs.lang.slice(0, 100);
      if (name === 'title' && title === undefined && !frame.foreign) {
        title = '';
        inTitle = true;
      }
      if (skipDepth > 0 || SKIP.has(name)) {
        frame.skip = true;
        skipDepth++;
        stack.push(frame);
        return;
      }
      const style = attribs.style ?? '';
      if (!inWordMarker && /mso-list:\s*ignore/i.test(style)) {
        frame.wordMarker = true;
        inWordMarker = true;
        wordMarker = '';
      }
      let own: MarkState | undefined = TAG_MARKS[name];
      if (style) {
        own = { ...own };
        styleMarks(style, own);
      }
      if (own) {
        frame.marks = { ...parent.marks, ...own };
        marks = frame.marks;
      }

      if (name === 'a') {
        const href = attribs.href?.trim() ?? '';
        if (!link && isAllowedLinkUrl(href)) {
          frame.link = true;
          if (!kind) kind = currentKind();
          link = { type: 'link', url: href, children: [] };
          linkPlaced = false;
        }
      }
      if (BLOCKS.has(name)) {
        flush();
        if (name === 'ul' || name === 'ol') {
          frame.list = name === 'ol' ? 'numbered' : 'bulleted';
          frame.listDepth = parent.listDepth + 1;
          frame.innerList = frame.list;
        } else if (name === 'li') {
          const depth = Math.min(Math.max(parent.listDepth - 1, 0), BODY_LIMITS.maxListDepth - 1);
          frame.kind = { type: 'list-item', list: parent.innerList ?? 'bulleted', depth };
        } else if (/^h[1-6]$/.test(name)) frame.kind = { type: 'heading', level: headingLevel(name) };
        else if (name === 'blockquote') frame.kind = { type: 'block-quote' };
        else if (name === 'pre') preDepth++;
        else if (name === 'figure') {
          frame.figureStart = blocks.length;
          frame.figure = frame;
        } else if (name === 'figcaption') {
          const last = blocks[blocks.length - 1];
          const figure = parent.figure;
          if (last?.type === 'image' && figure && blocks.length > figure.figureStart!) {
            frame.caption = true;
            captionTarget = last;
          }
        } else if (name === 'p' || name === 'div') {
          const word = WORD_LIST.exec(style);
          if (word) {
            const depth = Math.min(Number(word[1]) - 1, BODY_LIMITS.maxListDepth - 1);
            frame.kind = { type: 'list-item', list: 'bulleted', depth: Math.max(depth, 0) };
            wordListBlock = true;
          }
        }
        if (name === 'pre') frame.pre = true;
      }
      if (frame.kind) frame.kindFrame = frame;
      if (frame.kind?.type === 'list-item') frame.listItemFrame = frame;
      stack.push(frame);
    },

    onclosetag(name) {
      if (name === 'br' || name === 'img' || name === 'hr') return;
      if (stack.length === 1) return;
      const frame = stack.pop()!;
      if (inTitle && frame.name === 'title') inTitle = false;
      if (frame.skip) {
        skipDepth--;
        return;
      }
      if (frame.wordMarker) {
        // The marker's text tells whether the Word list is numbered.
        inWordMarker = false;
        const numbered = /^\(?[0-9a-z]{1,5}[.)]/i.test(wordMarker.trim());
        const owner = top().listItemFrame;
        if (owner?.kind?.type === 'list-item' && wordListBlock) owner.kind = { ...owner.kind, list: numbered ? 'numbered' : 'bulleted' };
      }
      if (frame.link) link = null;
      if (frame.caption) captionTarget = null;
      if (frame.pre) preDepth--;
      if (BLOCKS.has(frame.name)) {
        flush();
        if (frame.kind?.type === 'list-item') wordListBlock = false;
      }
      marks = top().marks;
    },

    ontext: (text) => appendText(text),
  };
  // htmlparser2 keeps its open elements in an array it shifts at the front (time grows with depth
  // on every tag), so a parse that gets too deep is ended and the rest read by a fresh parser.
  let offset = 0;
  for (;;) {
    const parser = new Parser(handlers, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
    try {
      parser.write(offset === 0 ? html : html.slice(offset));
      parser.end();
      break;
    } catch (error) {
      if (error !== TOO_DEEP) throw error;
      // startIndex is where the tag that went too deep begins.
      offset += parser.startIndex;
      restartAtTop();
    }
  }
  flush();
  return { blocks, images, webImages, droppedImages, droppedBlocks, title: title?.replace(WHITESPACE, ' ').trim(), lang };
}

/** `text` without trailing `chars`, by a scan from the end (`/ +$/` is quadratic on inner runs of spaces). */
function trimEnd(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1]!)) end--;
  return end === text.length ? text : text.slice(0, end);
}

function trimStart(text: string, chars: string): string {
  let start = 0;
  while (start < text.length && chars.includes(text[start]!)) start++;
  return start === 0 ? text : text.slice(start);
}

function sameMarks(a: FormattedText, b: FormattedText): boolean {
  return (
    a.bold === b.bold &&
    a.italic === b.italic &&
    a.underline === b.underline &&
    a.strikethrough === b.strikethrough &&
    a.superscript === b.superscript &&
    a.subscript === b.subscript
  );
}

/** Drops leading and trailing spaces of the block and any leaf or link left empty. */
function trimInlines(nodes: InlineNode[]): InlineNode[] {
  const leaves = (n: InlineNode): FormattedText[] => ('type' in n ? n.children : [n]);
  const first = nodes.flatMap(leaves)[0];
  if (first) first.text = trimStart(first.text, ' \n');
  const all = nodes.flatMap(leaves);
  const last = all[all.length - 1];
  if (last) last.text = trimEnd(last.text, ' \n');
  const out: InlineNode[] = [];
  for (const node of nodes) {
    if ('type' in node) {
      node.children = node.children.filter((t) => t.text !== '');
      if (node.children.length > 0) out.push(node);
    } else if (node.text !== '') {
      out.push(node);
    }
  }
  return out;
}
