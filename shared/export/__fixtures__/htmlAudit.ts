/** Test helper: parses HTML with htmlparser2 and lists anything executable or unsafe in it. */
import { Parser } from 'htmlparser2';

const FORBIDDEN_ELEMENTS = new Set([
  'script',
  'iframe',
  'object',
  'embed',
  'frame',
  'frameset',
  'applet',
  'base',
  'form',
  'svg',
  'math',
  'link',
  'meta-refresh',
]);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'background']);

export type HtmlAudit = { elements: string[]; problems: string[]; hrefs: string[]; text: string };

export function auditHtml(html: string): HtmlAudit {
  const audit: HtmlAudit = { elements: [], problems: [], hrefs: [], text: '' };
  const text: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        audit.elements.push(name);
        if (FORBIDDEN_ELEMENTS.has(name)) audit.problems.push(`element <${name}>`);
        if (name === 'meta' && (attrs['http-equiv'] ?? '').toLowerCase() === 'refresh') audit.problems.push('meta refresh');
        for (const [key, value] of Object.entries(attrs)) {
          const k = key.toLowerCase();
          if (k.startsWith('on')) audit.problems.push(`attribute ${k}`);
          if (k === 'style' || k === 'srcdoc') audit.problems.push(`attribute ${k}`);
          if (URL_ATTRIBUTES.has(k)) {
            if (k === 'href') audit.hrefs.push(value);
            const v = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
            const allowed = k === 'href' ? /^(https?:|mailto:)/ : /^(https?:|data:image\/(png|jpeg|gif|webp|avif);|[^:]*$)/;
            if (!allowed.test(v)) audit.problems.push(`${k}=${value}`);
          }
        }
      },
      ontext(data) {
        text.push(data);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  audit.text = text.join('');
  return audit;
}
