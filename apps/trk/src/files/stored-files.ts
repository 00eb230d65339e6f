import { FILE_STORAGE, type FileStorage } from '@app/service-kit';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Upload } from './evidence-upload';

export interface StoredFile {
  nip: string;
  contentType: string;
  bytes: Buffer;
}

/** Evidence files: the bytes in the file storage (service-kit), the row (whose, what, key and hash) here. */
@Injectable()
export class StoredFiles {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  /** Puts the bytes in storage before the row that points at them is written: a row never names a file that is not there. */
  put(upload: Upload): Promise<{ key: string; sha256: string; size: number }> {
    return this.storage.put(upload.bytes);
  }

  async record(m: EntityManager, id: string, nip: string, contentType: string, stored: { key: string; sha256: string; size: number }): Promise<void> {
    await m.query(`INSERT INTO stored_file (id, nip, content_type, size_bytes, storage_key, sha256) VALUES ($1, $2, $3, $4, $5, $6)`, [
      id,
      nip,
      contentType,
      stored.size,
      stored.key,
      stored.sha256,
    ]);
  }

  async read(id: string): Promise<StoredFile | null> {
    const [row] = (await this.dataSource.query('SELECT nip, content_type, storage_key FROM stored_file WHERE id = $1', [id])) as {
      nip: string;
      content_type: string;
      storage_key: string;
    }[];
    if (!row) return null;
    const bytes = await this.storage.get(row.storage_key);
    return bytes ? { nip: row.nip, contentType: row.content_type, bytes } : null;
  }
}
