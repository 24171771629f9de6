import type { BuildOptions } from 'esbuild';

export const nodeCommon: BuildOptions;
export const cjsImportMetaUrl: Pick<BuildOptions, 'define' | 'banner'>;
export function buildContainedWorker(root: string, outdir: string): Promise<void>;
