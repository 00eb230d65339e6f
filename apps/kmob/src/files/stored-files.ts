import { FILE_STORAGE, type FileStorage } from '@app/service-kit';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Upload } from './uploads';

export interface StoredFile {
  nip: string;
  contentType: string;
  bytes: Buffer;
}

/** Selfies and request attachments: the bytes in the file storage, the row (whose, what, key and hash) here. */
@Injectable()
export class StoredFiles {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  /** Puts the bytes in storage first: a row never points at a file that is not there. */
  async save(m: EntityManager, id: string, nip: string, purpose: 'SELFIE' | 'ATTACHMENT', upload: Upload): Promise<void> {
    const stored = await this.storage.put(upload.bytes);
    await m.query(`INSERT INTO stored_file (id, nip, purpose, content_type, size_bytes, storage_key, sha256) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
      id,
      nip,
      purpose,
      upload.contentType,
      stored.size,
      stored.key,
      stored.sha256,
    ]);
  }

  /** The storage keys of uploads, for a statement that writes many rows at once. */
  async put(uploads: (Upload | null)[]): Promise<({ key: string; sha256: string } | null)[]> {
    return Promise.all(uploads.map((u) => (u ? this.storage.put(u.bytes) : null)));
  }

  async read(id: string): Promise<StoredFile | null> {
    const [row] = (await this.dataSource.query('SELECT nip, content_type, bytes, storage_key FROM stored_file WHERE id = $1', [id])) as {
      nip: string;
      content_type: string;
      bytes: Buffer | null;
      storage_key: string | null;
    }[];
    if (!row) return null;
    const bytes = row.bytes ?? (row.storage_key ? await this.storage.get(row.storage_key) : null);
    return bytes ? { nip: row.nip, contentType: row.content_type, bytes } : null;
  }
}
