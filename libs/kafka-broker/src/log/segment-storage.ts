import * as fs from 'node:fs';

/** Where a segment's batch bytes live: in memory, or in a file in Kafka's own log layout. */
export interface SegmentStorage {
  append(batch: Buffer): void;
  /** Bytes of batches [fromIndex, toIndex), which occupy [position, position + length) of the segment. */
  read(fromIndex: number, toIndex: number, position: number, length: number): Buffer[];
  close(): void;
  remove(): void;
}

export class MemorySegmentStorage implements SegmentStorage {
  private readonly batches: Buffer[] = [];

  append(batch: Buffer): void {
    this.batches.push(batch);
  }

  read(fromIndex: number, toIndex: number): Buffer[] {
    return this.batches.slice(fromIndex, toIndex);
  }

  close(): void {}

  remove(): void {
    this.batches.length = 0;
  }
}

/**
 * A segment file: the stamped batches back to back, exactly as Kafka's `.log` files hold them. Appends
 * are synchronous writes, so once a Produce is acknowledged its bytes are in the OS page cache and
 * survive the broker process being killed; fsync after each append is opt-in, as in Kafka.
 */
export class FileSegmentStorage implements SegmentStorage {
  private fd: number | null;
  private size: number;

  constructor(
    readonly path: string,
    initialSize: number,
    private readonly fsyncEachAppend: boolean,
  ) {
    this.fd = fs.openSync(path, 'a+');
    this.size = initialSize;
  }

  append(batch: Buffer): void {
    const fd = this.openFd();
    let written = 0;
    while (written < batch.length) {
      written += fs.writeSync(fd, batch, written, batch.length - written, this.size + written);
    }
    this.size += batch.length;
    if (this.fsyncEachAppend) fs.fdatasyncSync(fd);
  }

  read(_fromIndex: number, _toIndex: number, position: number, length: number): Buffer[] {
    const out = Buffer.allocUnsafe(length);
    let got = 0;
    while (got < length) {
      const n = fs.readSync(this.openFd(), out, got, length - got, position + got);
      if (n === 0) throw new Error(`segment ${this.path} ended at ${position + got}, expected ${position + length}`);
      got += n;
    }
    return [out];
  }

  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }

  remove(): void {
    this.close();
    fs.rmSync(this.path, { force: true });
  }

  private openFd(): number {
    if (this.fd === null) throw new Error(`segment ${this.path} is closed`);
    return this.fd;
  }
}
