import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Where uploaded files live. The platform stores only keys in the database;
 * an S3-compatible store implements the same three calls for production.
 */
export interface FileStorage {
  put(key: string, bytes: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
  remove(key: string): Promise<void>;
}

const SAFE_KEY = /^[a-z0-9][a-z0-9/_-]{0,200}$/;

/** Files under a folder on local disk (embedded mode: MANASIK_DATA_DIR/files). */
export function localDiskStorage(root: string): FileStorage {
  const file = (key: string) => {
    if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error(`unsafe storage key ${key}`);
    return path.join(root, key);
  };
  return {
    async put(key, bytes) {
      const target = file(key);
      await fs.mkdir(path.dirname(target), { recursive: true });
      // Write then rename, so a crash never leaves half a file under the final name.
      await fs.writeFile(`${target}.partial`, bytes);
      await fs.rename(`${target}.partial`, target);
    },
    get: (key) => fs.readFile(file(key)),
    remove: (key) => fs.rm(file(key), { force: true }),
  };
}
