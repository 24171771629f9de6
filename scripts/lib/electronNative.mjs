// Pure decisions for scripts/build-electron-native.mjs: is the stamped binary
// current, did a plain-Node load prove the binary is Electron's ABI, and how to
// say a failed download or build in one line. Unit-tested in
// scripts/build-electron-native.test.ts.

/** Identifies one Electron build of better-sqlite3; a stamp that differs means rebuild. */
export function buildIdentity({ electronVersion, electronAbi, betterSqliteVersion, platform, arch }) {
  return { electronVersion, electronAbi, betterSqliteVersion, platform, arch };
}

export function isStampCurrent(stamp, identity) {
  if (!stamp || typeof stamp !== 'object') return false;
  return Object.entries(identity).every(([key, value]) => stamp[key] === value);
}

const ABI_MISMATCH = /NODE_MODULE_VERSION (\d+)[\s\S]*?requires\s+NODE_MODULE_VERSION (\d+)/;

/**
 * Plain Node cannot load an Electron-ABI binary: it refuses with a
 * NODE_MODULE_VERSION message naming the binary's ABI. That refusal, naming
 * Electron's ABI, is the proof we want. A binary Node loads is Node's build
 * (the ~/.npmrc nodedir trap) and must not ship.
 */
export function judgeNodeLoad(load, { electronAbi, nodeAbi }) {
  if (load.loaded) {
    return {
      ok: false,
      reason: `the binary loads in Node, so it was built for Node's ABI ${nodeAbi}, not Electron's ABI ${electronAbi} (is npm_config_nodedir or ~/.npmrc nodedir pointing at Node's headers?)`,
    };
  }
  const match = ABI_MISMATCH.exec(load.error ?? '');
  if (match && match[1] === String(electronAbi)) return { ok: true };
  if (match) return { ok: false, reason: `the binary was built for ABI ${match[1]}, but Electron needs ABI ${electronAbi}` };
  return { ok: false, reason: `could not confirm the binary's ABI: ${firstLine(load.error) || 'unknown load error'}` };
}

const NETWORK =
  /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|socket hang up|getaddrinfo|\b40[13]\b|\b50[0-9]\b|tunneling socket|network|timed out|ETIMEOUT|self.signed/i;

export function looksLikeNetworkFailure(output) {
  return NETWORK.test(output ?? '');
}

/** The one-line reason printed when neither a prebuilt download nor a local build worked. */
export function describeFailure({ prebuilt, compiled, electronVersion }) {
  const offline = looksLikeNetworkFailure(prebuilt) && looksLikeNetworkFailure(compiled);
  if (offline) {
    return `cannot get better-sqlite3 for Electron ${electronVersion}: no network (the prebuilt download and Electron's headers both need it). Run "npm run rebuild:electron" on a networked machine, or set ELECTRON_HEADERS_DIR to unpacked Electron ${electronVersion} headers.`;
  }
  return `cannot get better-sqlite3 for Electron ${electronVersion}: prebuilt download failed (${firstLine(lastMeaningfulLine(prebuilt)) || 'no output'}); local build failed (${firstLine(lastMeaningfulLine(compiled)) || 'no output'}).`;
}

function firstLine(text) {
  return String(text ?? '')
    .split('\n')[0]
    .trim()
    .slice(0, 300);
}

function lastMeaningfulLine(text) {
  const lines = String(text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^gyp info|^prebuild-install info|^npm (info|notice)/.test(l));
  return lines.find((l) => /err|fail|cannot|not found/i.test(l)) ?? lines.at(-1) ?? '';
}

/**
 * The child environment for node-gyp: drop every spelling of npm's nodedir so
 * a user-level `nodedir=/usr` cannot silently swap Electron's headers for
 * Node's.
 */
export function electronBuildEnv(env) {
  const clean = {};
  for (const [key, value] of Object.entries(env)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|target_arch|build_from_source)$/i.test(key)) continue;
    if (value !== undefined) clean[key] = value;
  }
  return clean;
}
