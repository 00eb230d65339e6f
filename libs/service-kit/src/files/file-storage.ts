import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Logger } from 'pino';

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

/**
 * The filesystem storage, its folder created and written to once at start-up: a folder the process
 * cannot write (a container without its volume) stops the service with one log line naming FILES_DIR,
 * instead of failing every upload with a 500.
 */
export async function openFilesystemStorage(root: string, log: Logger): Promise<FilesystemStorage> {
  try {
    await fs.mkdir(root, { recursive: true });
    const probe = path.join(root, `.write-check-${randomBytes(4).toString('hex')}`);
    await fs.writeFile(probe, '');
    await fs.rm(probe);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    const message = `FILES_DIR: cannot create or write the file storage folder ${root} (${reason}); set FILES_DIR to a folder this process can write (a mounted volume in a container)`;
    log.fatal(message);
    throw new Error(message);
  }
  return new FilesystemStorage(root);
}
