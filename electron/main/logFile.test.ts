import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import log from 'electron-log/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configureLogFile, LOG_ARCHIVES, LOG_MAX_BYTES, logFilePath, rotateLogFile } from './logFile';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-log-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the main-process log file', () => {
  it('lives in the logs folder and rotates by size into a few archives', () => {
    expect(logFilePath('/logs')).toBe(path.join('/logs', 'main.log'));
    expect(LOG_MAX_BYTES).toBe(1024 * 1024);
    expect(LOG_ARCHIVES).toBe(3);
  });

  it('rotation shifts archives up and drops the oldest', () => {
    const file = path.join(dir, 'main.log');
    for (let round = 1; round <= 5; round++) {
      fs.writeFileSync(file, `round ${round}\n`);
      rotateLogFile(file, 3);
    }
    expect(fs.readdirSync(dir).sort()).toEqual(['main.1.log', 'main.2.log', 'main.3.log']);
    expect(['main.1.log', 'main.2.log', 'main.3.log'].map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))).toEqual(['round 5\n', 'round 4\n', 'round 3\n']);
  });

  it('electron-log writes errors to the file, not debug chatter, and rotates when the file outgrows its limit', () => {
    const logger = log.create({ logId: `test-${path.basename(dir)}` });
    const file = configureLogFile(logger, dir, { maxBytes: 2_000, archives: 2 });
    logger.transports.console.level = false;
    expect(file).toBe(path.join(dir, 'main.log'));
    logger.debug('debug chatter');
    logger.error('Backup failed: the disk is full');
    expect(fs.readFileSync(file, 'utf8')).toMatch(/\[error\] Backup failed: the disk is full\n$/);
    expect(fs.readFileSync(file, 'utf8')).not.toContain('debug chatter');
    for (let i = 0; i < 200; i++) logger.warn(`line ${i} ${'x'.repeat(40)}`);
    expect(fs.readdirSync(dir).sort()).toEqual(['main.1.log', 'main.2.log', 'main.log']);
    for (const name of fs.readdirSync(dir)) expect(fs.statSync(path.join(dir, name)).size).toBeLessThan(2_000 + 200);
    expect(fs.readFileSync(file, 'utf8')).toContain('line 199');
  });

  it('a real process logs its uncaught exception and unhandled rejection to the file', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'fixtures', 'crashingProcess.ts'), dir], {
      cwd: path.resolve(__dirname, '../..'),
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const text = fs.readFileSync(path.join(dir, 'main.log'), 'utf8');
    expect(text).toMatch(/\[error\] Unhandled rejection Error: the rejected promise/);
    expect(text).toMatch(/\[error\] Unhandled Error: the uncaught exception/);
  });
});
