import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** Where a stored file's bytes live; the database keeps only its key and content hash. */
export interface StoredObject {
  key: string;
  sha256: string;
  size: number;
}

/**
 * Files (selfies, attachments, evidence, certificates) behind one small interface: the filesystem under
 * the data directory by default, object storage in production (deployment work adds it behind the same
 * interface). Content-addressed: the key is the SHA-256 of the bytes, so the same file twice is stored once.
 */
export interface FileStorage {
  put(bytes: Buffer): Promise<StoredObject>;
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
}

export const FILE_STORAGE = Symbol('FILE_STORAGE');

const KEY = /^[0-9a-f]{64}$/;

export class FilesystemStorage implements FileStorage {
  constructor(private readonly root: string) {}

  async put(bytes: Buffer): Promise<StoredObject> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const target = this.pathOf(sha256);
    const exists = await fs.stat(target).then(
      (s) => s.size === bytes.length,
      () => false,
    );
    if (!exists) {
      await fs.mkdir(path.dirname(target), { recursive: true });
      // Written aside and renamed: a reader never sees half a file, and a crash leaves no torn one.
      const partial = `${target}.${randomBytes(4).toString('hex')}.partial`;
      await fs.writeFile(partial, bytes, { mode: 0o640 });
      await fs.rename(partial, target);
    }
    return { key: sha256, sha256, size: bytes.length };
  }

  async get(key: string): Promise<Buffer | null> {
    if (!KEY.test(key)) return null;
    return fs.readFile(this.pathOf(key)).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
  }

  async delete(key: string): Promise<void> {
    if (KEY.test(key)) await fs.rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    return path.join(this.root, key.slice(0, 2), key.slice(2, 4), key);
  }
}
