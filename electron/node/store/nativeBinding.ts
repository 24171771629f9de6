/**
 * better-sqlite3 ships one native binary per ABI. Node (tests, CLI, browser
 * host) uses the package's own build; Electron loads a separate copy built by
 * `scripts/build-electron-native.mjs` into native/electron/, so neither
 * clobbers the other. A binary of the wrong ABI fails with a message that says
 * how to fix it instead of Node's bare NODE_MODULE_VERSION error.
 */
export class NativeModuleError extends Error {
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'NativeModuleError';
  }
}

const ABI_MISMATCH = /NODE_MODULE_VERSION (\d+)[\s\S]*?requires\s+NODE_MODULE_VERSION (\d+)/;

/** Turns a native load failure into advice; returns undefined for unrelated errors. */
export function explainNativeLoadError(error: unknown, runtime: 'node' | 'electron'): NativeModuleError | undefined {
  const text = error instanceof Error ? error.message : String(error);
  const abi = ABI_MISMATCH.exec(text);
  const fix =
    runtime === 'electron'
      ? 'Run "npm run rebuild:electron" to build better-sqlite3 for Electron (npm start does this automatically).'
      : 'Run "npm rebuild better-sqlite3" to rebuild it for this Node.js.';
  if (abi) {
    return new NativeModuleError(
      `The SQLite native module was built for another runtime (ABI ${abi[1]}) but this ${runtime} needs ABI ${abi[2]}. ${fix}`,
      error,
    );
  }
  if (/Cannot find module|ENOENT|could not locate the bindings file/i.test(text) && /better_sqlite3|better-sqlite3/.test(text)) {
    return new NativeModuleError(`The SQLite native module is missing. ${fix}`, error);
  }
  if (/invalid ELF header|wrong ELF class|not a valid Win32 application|mach-o/i.test(text)) {
    return new NativeModuleError(`The SQLite native module is for another platform or architecture. ${fix}`, error);
  }
  // Any other dlopen failure (a truncated binary, another CPU's build) or a binary that loads but is not
  // better-sqlite3 ("addon.x is not a function") is still the module, never the database.
  if ((error as { code?: unknown } | null)?.code === 'ERR_DLOPEN_FAILED' || /\baddon\.\w+ is not a function/.test(text)) {
    return new NativeModuleError(`The SQLite native module could not be loaded (${text}). ${fix}`, error);
  }
  return undefined;
}
