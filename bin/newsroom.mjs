#!/usr/bin/env node
// The `newsroom` command: runs the built CLI (npm install builds it via "prepare").
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = fileURLToPath(new URL('../dist/node/cli.mjs', import.meta.url));
if (!existsSync(cli)) {
  console.error('newsroom: the command line is not built yet. Run "npm run build" in the project folder.');
  process.exit(1);
}
await import(pathToFileURL(cli).href);
