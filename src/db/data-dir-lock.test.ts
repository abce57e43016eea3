import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirBusyError, lockDataDir } from './data-dir-lock.ts';

const dirs: string[] = [];
const freshDir = () => {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'manasik-lock-')), 'pgdata');
  dirs.push(path.dirname(dir));
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('one process per embedded data directory', () => {
  it('refuses a second opener while the first holds it, naming the holder', () => {
    const dir = freshDir();
    const first = lockDataDir(dir, 'manasik start');
    expect(() => lockDataDir(dir, 'manasik ledger check')).toThrow(DataDirBusyError);
    try {
      lockDataDir(dir, 'manasik ledger check');
    } catch (error) {
      expect((error as Error).message).toMatch(new RegExp(`in use by process ${process.pid} \\(manasik start, since `));
    }
    first.release();
    lockDataDir(dir, 'manasik ledger check').release();
  });

  it('takes over a lock left by a process that died', () => {
    const dir = freshDir();
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid!; // a pid that no longer runs
    fs.writeFileSync(`${dir}.lock`, JSON.stringify({ pid: dead, command: 'manasik start', since: '2026-01-01T00:00:00Z' }));
    const lock = lockDataDir(dir);
    expect(JSON.parse(fs.readFileSync(`${dir}.lock`, 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });

  it('takes over a lock file it cannot read', () => {
    const dir = freshDir();
    fs.writeFileSync(`${dir}.lock`, '{"pid":');
    lockDataDir(dir).release();
  });
});
