import type { Socket } from 'node:net';
import { ProtocolError } from '../protocol/protocol-error';

export interface ConnectionOptions {
  maxRequestBytes: number;
  /** Handles one request frame (without its size prefix); returns the response frame, or null for none. */
  dispatch(frame: Buffer, connection: Connection): Promise<Buffer[] | null>;
  warn(message: string): void;
}

/** Requests read ahead before the socket is paused, so a client that floods us cannot grow our memory. */
const MAX_QUEUED_REQUESTS = 64;
const MAX_QUEUED_BYTES = 16 * 1024 * 1024;
/** Response bytes waiting in the socket before we stop processing until the client reads them. */
const WRITE_HIGH_WATER = 4 * 1024 * 1024;

/**
 * One client connection. Frames are handled strictly one at a time, so responses go out in request
 * order as Kafka guarantees, and both directions apply backpressure: reading pauses when requests pile
 * up, and processing pauses while a slow consumer has not read what we already wrote.
 */
export class Connection {
  readonly remote: string;
  private readonly chunks: Buffer[] = [];
  private buffered = 0;
  private readonly queue: Buffer[] = [];
  private queuedBytes = 0;
  private processing = false;
  private closed = false;
  private readonly closeListeners = new Set<() => void>();

  constructor(
    readonly socket: Socket,
    private readonly options: ConnectionOptions,
  ) {
    this.remote = `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', () => this.close());
    socket.on('close', () => this.close());
  }

  get clientHost(): string {
    return `/${this.socket.remoteAddress ?? ''}`;
  }

  /** Bytes read but not yet handled plus bytes written but not yet taken by the client. */
  get pendingBytes(): number {
    return this.buffered + this.queuedBytes + this.socket.writableLength;
  }

  onClose(listener: () => void): () => void {
    if (this.closed) {
      listener();
      return () => undefined;
    }
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  close(reason?: string): void {
    if (this.closed) return;
    this.closed = true;
    if (reason) this.options.warn(`closing connection ${this.remote}: ${reason}`);
    this.socket.destroy();
    this.chunks.length = 0;
    this.queue.length = 0;
    for (const listener of [...this.closeListeners]) listener();
    this.closeListeners.clear();
  }

  private onData(chunk: Buffer): void {
    if (this.closed) return;
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    while (this.buffered >= 4) {
      const size = this.peekSize();
      if (size < 0 || size > this.options.maxRequestBytes) {
        this.close(`request size ${size} outside 0..${this.options.maxRequestBytes}`);
        return;
      }
      if (this.buffered < 4 + size) break;
      const frame = this.take(4 + size).subarray(4);
      this.queue.push(frame);
      this.queuedBytes += frame.length;
    }
    if (this.queue.length >= MAX_QUEUED_REQUESTS || this.queuedBytes >= MAX_QUEUED_BYTES) this.socket.pause();
    void this.processQueue();
  }

  private async processQueue(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      while (!this.closed && this.queue.length > 0) {
        const frame = this.queue.shift() as Buffer;
        this.queuedBytes -= frame.length;
        if (this.queue.length < MAX_QUEUED_REQUESTS / 2 && this.queuedBytes < MAX_QUEUED_BYTES / 2) this.socket.resume();
        const response = await this.options.dispatch(frame, this);
        if (this.closed) return;
        if (response) await this.write(response);
      }
    } catch (error) {
      this.close(error instanceof ProtocolError ? error.message : `internal error: ${(error as Error).stack ?? error}`);
    } finally {
      this.processing = false;
    }
  }

  private write(chunks: Buffer[]): Promise<void> | void {
    this.socket.cork();
    for (const chunk of chunks) this.socket.write(chunk);
    this.socket.uncork();
    if (this.socket.writableLength <= WRITE_HIGH_WATER) return;
    return new Promise((resolve) => {
      const done = () => {
        this.socket.off('drain', done);
        off();
        resolve();
      };
      const off = this.onClose(done);
      this.socket.on('drain', done);
    });
  }

  private peekSize(): number {
    const first = this.chunks[0];
    if (first.length >= 4) return first.readInt32BE(0);
    return Buffer.concat(this.chunks, 4).readInt32BE(0);
  }

  private take(n: number): Buffer {
    const first = this.chunks[0];
    let out: Buffer;
    if (first.length >= n) {
      out = first.subarray(0, n);
      if (first.length === n) this.chunks.shift();
      else this.chunks[0] = first.subarray(n);
    } else {
      const all = Buffer.concat(this.chunks, this.buffered);
      out = all.subarray(0, n);
      this.chunks.length = 0;
      if (all.length > n) this.chunks.push(all.subarray(n));
    }
    this.buffered -= n;
    return out;
  }
}
