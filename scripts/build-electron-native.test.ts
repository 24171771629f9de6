import { describe, expect, it } from 'vitest';
import { buildIdentity, describeFailure, electronBuildEnv, isStampCurrent, judgeNodeLoad, looksLikeNetworkFailure } from './lib/electronNative.mjs';

const identity = buildIdentity({ electronVersion: '45.5.0', electronAbi: '150', betterSqliteVersion: '12.11.1', platform: 'linux', arch: 'x64' });

describe('isStampCurrent', () => {
  it('skips only when every part of the identity matches', () => {
    expect(isStampCurrent({ ...identity }, identity)).toBe(true);
    expect(isStampCurrent({ ...identity, electronVersion: '45.4.0' }, identity)).toBe(false);
    expect(isStampCurrent({ ...identity, arch: 'arm64' }, identity)).toBe(false);
    expect(isStampCurrent(undefined, identity)).toBe(false);
    expect(isStampCurrent('junk', identity)).toBe(false);
  });
});

describe('judgeNodeLoad', () => {
  const abis = { electronAbi: '150', nodeAbi: '115' };
  const refusal = (compiled: number) =>
    `The module '/x/better_sqlite3.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION ${compiled}. This version of Node.js requires\nNODE_MODULE_VERSION 115. Please try re-compiling`;

  it('accepts a binary Node refuses because it is Electron’s ABI', () => {
    expect(judgeNodeLoad({ loaded: false, error: refusal(150) }, abis)).toEqual({ ok: true });
  });

  it('rejects a binary Node can load: the nodedir trap', () => {
    const verdict = judgeNodeLoad({ loaded: true }, abis);
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.reason).toMatch(/Node's ABI 115, not Electron's ABI 150/);
  });

  it('rejects another ABI and unexplained load errors', () => {
    expect(judgeNodeLoad({ loaded: false, error: refusal(140) }, abis)).toEqual({
      ok: false,
      reason: 'the binary was built for ABI 140, but Electron needs ABI 150',
    });
    const verdict = judgeNodeLoad({ loaded: false, error: 'invalid ELF header' }, abis);
    expect(!verdict.ok && verdict.reason).toMatch(/could not confirm.*invalid ELF header/);
  });
});

describe('describeFailure', () => {
  it('says "no network" when both routes failed to connect', () => {
    const line = describeFailure({
      prebuilt: 'prebuild-install warn install getaddrinfo ENOTFOUND github.com',
      compiled:
        'gyp ERR! stack FetchError: request to https://electronjs.org/headers/v45.5.0/node-v45.5.0-headers.tar.gz failed, reason: getaddrinfo EAI_AGAIN electronjs.org',
      electronVersion: '45.5.0',
    });
    expect(line).toMatch(/^cannot get better-sqlite3 for Electron 45\.5\.0: no network/);
    expect(line).not.toContain('\n');
  });

  it('quotes the errors otherwise', () => {
    const line = describeFailure({
      prebuilt: 'prebuild-install warn install No prebuilt binaries found',
      compiled: 'gyp info ok\ngyp ERR! find Python',
      electronVersion: '45.5.0',
    });
    expect(line).toContain('No prebuilt binaries found');
    expect(line).toContain('gyp ERR! find Python');
  });

  it('recognises network failures', () => {
    expect(looksLikeNetworkFailure('connect ECONNREFUSED 1.2.3.4:443')).toBe(true);
    expect(looksLikeNetworkFailure('make: *** [sqlite3.o] Error 1')).toBe(false);
  });
});

describe('electronBuildEnv', () => {
  it('drops npm nodedir and target settings in any case', () => {
    const env = electronBuildEnv({
      PATH: '/bin',
      npm_config_nodedir: '/usr',
      NPM_CONFIG_NODEDIR: '/usr',
      npm_config_target: '20.0.0',
      npm_config_cache: '/c',
      HOME: undefined,
    });
    expect(env).toEqual({ PATH: '/bin', npm_config_cache: '/c' });
  });
});
