import fs from 'node:fs';
import path from 'node:path';

/**
 * One process at a time in an embedded data directory: PGlite has no lock of
 * its own, and two processes writing one directory corrupt it. The holder
 * writes its pid, command and start time to `<dir>.lock` (created
 * exclusively); another process is refused with a message naming the holder.
 * A lock whose process is gone (a crash, a kill -9) is taken over.
 */
export interface DataDirLock {
  release(): void;
}

export class DataDirBusyError extends Error {
  constructor(readonly dir: string, readonly holder: { pid: number; command: string; since: string }) {
    super(`the embedded database in ${dir} is in use by process ${holder.pid} (${holder.command}, since ${holder.since}); stop it first, or use PostgreSQL (DATABASE_URL) to share one database between processes`);
    this.name = 'DataDirBusyError';
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
};

/** What this process is, in words a person recognises: `manasik start`, `vitest`, … */
const thisCommand = () => process.argv.slice(1).map((a, i) => (i === 0 && /(^|\/)(main\.ts|manasik(\.mjs)?)$/.test(a) ? 'manasik' : path.basename(a))).join(' ');

export function lockDataDir(dir: string, command = thisCommand()): DataDirLock {
  const file = `${path.resolve(dir)}.lock`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const mine = JSON.stringify({ pid: process.pid, command, since: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, mine, { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(file, 'utf8') === mine) fs.unlinkSync(file);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: { pid: number; command: string; since: string } | null = null;
      try {
        holder = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch {
        holder = null; // half-written or unreadable: treat as stale
      }
      if (holder && Number.isInteger(holder.pid) && alive(holder.pid)) throw new DataDirBusyError(path.resolve(dir), holder);
      fs.rmSync(file, { force: true }); // the holder is gone: take over
    }
  }
  throw new Error(`could not lock ${dir}`);
}
