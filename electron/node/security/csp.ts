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

/**
 * The spelling worker's policy: the page's, plus compiling WebAssembly (Hunspell, inlined in the
 * worker's own script). 'wasm-unsafe-eval' allows WebAssembly compilation only, never eval or new
 * Function; and it is sent with the worker's script alone (a dedicated worker takes the policy of
 * its script's response), so the page, where articles and pasted content are shown, cannot compile
 * anything.
 */
export const SPELLING_WORKER_CSP: string = buildCsp({ ...RENDERER_CSP_DIRECTIVES, 'script-src': ["'self'", "'wasm-unsafe-eval'"] });

/** The built spelling worker (Vite names a worker chunk after its source file, then a content hash). */
const SPELLING_WORKER_SCRIPT = /^\/assets\/spelling\.worker-[\w-]+\.js$/u;

/** The policy to send with a file of the built renderer, by its URL path. */
export function cspFor(pathname: string): string {
  return SPELLING_WORKER_SCRIPT.test(pathname) ? SPELLING_WORKER_CSP : RENDERER_CSP;
}
