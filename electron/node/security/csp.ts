/**
 * The renderer's Content-Security-Policy, sent as a header by both the
 * Electron app:// protocol and the browser host so the UI runs under the same
 * rules in both. Only the app's own bundled files may load; nothing may frame
 * it, post forms or load plugins.
 *
 * Styles: no 'unsafe-inline'. React and Slate set `style` props through the
 * CSSOM (element.style), which CSP does not govern; only style attributes in
 * markup or <style> elements would need it, and the build emits neither.
 */
export type CspDirectives = Readonly<Record<string, readonly string[]>>;

export const RENDERER_CSP_DIRECTIVES: CspDirectives = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'blob:', 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
  'frame-src': ["'none'"],
};

/** Serialises directives; rejects tokens that could smuggle in another directive. */
export function buildCsp(directives: CspDirectives): string {
  return Object.entries(directives)
    .map(([name, sources]) => {
      if (!/^[a-z-]+$/.test(name)) throw new Error(`Invalid CSP directive name: ${name}`);
      for (const source of sources) {
        if (!source || /[\s;,]/.test(source)) throw new Error(`Invalid CSP source in ${name}: ${JSON.stringify(source)}`);
      }
      return [name, ...sources].join(' ');
    })
    .join('; ');
}

export const RENDERER_CSP: string = buildCsp(RENDERER_CSP_DIRECTIVES);
