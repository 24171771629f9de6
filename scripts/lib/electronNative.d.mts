export type BuildIdentity = {
  electronVersion: string;
  electronAbi: string;
  betterSqliteVersion: string;
  platform: string;
  arch: string;
};
export function buildIdentity(identity: BuildIdentity): BuildIdentity;
export function isStampCurrent(stamp: unknown, identity: BuildIdentity): boolean;
export type NodeLoad = { loaded: true } | { loaded: false; error: string };
export function judgeNodeLoad(load: NodeLoad, abis: { electronAbi: string | number; nodeAbi: string | number }): { ok: true } | { ok: false; reason: string };
export function looksLikeNetworkFailure(output: string | undefined): boolean;
export function describeFailure(outputs: { prebuilt: string; compiled: string; electronVersion: string }): string;
export function electronBuildEnv(env: Record<string, string | undefined>): Record<string, string>;
