/**
 * Where Electron's own copy of better-sqlite3's native binary lives. It is
 * built by scripts/build-electron-native.mjs into native/electron/ so the
 * Node build in node_modules (used by tests and the CLI) stays untouched.
 * Packaged, it sits unpacked beside the asar because native code cannot load
 * from inside an archive.
 */
import path from 'node:path';

export const NATIVE_BINDING_RELATIVE = path.join('native', 'electron', 'better_sqlite3.node');

export type NativeBindingLocation = {
  packaged: boolean;
  /** The app folder (the repository root in development). */
  appRoot: string;
  /** Electron's process.resourcesPath; only read when packaged. */
  resourcesPath: string;
};

export function nativeBindingPath({ packaged, appRoot, resourcesPath }: NativeBindingLocation): string {
  return packaged ? path.join(resourcesPath, 'app.asar.unpacked', NATIVE_BINDING_RELATIVE) : path.join(appRoot, NATIVE_BINDING_RELATIVE);
}
