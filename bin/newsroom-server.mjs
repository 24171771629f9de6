#!/usr/bin/env node
// The `newsroom-server` command: runs the built server (npm install builds it via "prepare").
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const server = fileURLToPath(new URL('../dist/node/newsroom-server.mjs', import.meta.url));
if (!existsSync(server)) {
  console.error('newsroom-server: the server is not built yet. Run "npm run build" in the project folder.');
  process.exit(1);
}
await import(pathToFileURL(server).href);
