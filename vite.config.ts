import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: '/',
  plugins: [react()],
  resolve: {
    // Hunspell in WebAssembly (the spelling worker): its ES build calls CommonJS modules through
    // namespace imports (`import * as nanoid`), which a bundler cannot call; its CommonJS build is the
    // one that works, and the package's browser field still swaps in the browser runtime.
    alias: [
      { find: /^hunspell-asm$/u, replacement: fileURLToPath(new URL('./node_modules/hunspell-asm/dist/cjs/index.js', import.meta.url)) },
      { find: /^emscripten-wasm-loader$/u, replacement: fileURLToPath(new URL('./node_modules/emscripten-wasm-loader/dist/cjs/index.js', import.meta.url)) },
    ],
  },
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome130',
    // No inline scripts or modulepreload polyfill: the CSP forbids inline script.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2_000,
    minify: process.env.NEWSROOM_NO_MINIFY ? false : 'oxc',
  },
});
