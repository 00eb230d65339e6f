import * as net from 'node:net';
import { Writer } from '../../src/protocol/writer';

/** A bare TCP connection for sending hand-made frames, as a hostile or broken client would. */
export class RawClient {
  readonly received: Buffer[] = [];
  readonly closed: Promise<void>;
  private constructor(readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => this.received.push(chunk));
    socket.on('error', () => undefined);
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
  }

  static connect(port: number): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => resolve(new RawClient(socket)));
      socket.once('error', reject);
    });
  }

  send(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  /** Resolves true if the broker closes the connection within the time given. */
  async closedWithin(ms: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
    const result = await Promise.race([this.closed.then(() => true), timeout]);
    clearTimeout(timer);
    return result;
  }

  destroy(): void {
    this.socket.destroy();
  }
}

/** A size-prefixed request frame with header v1 and the given body. */
export function frame(apiKey: number, apiVersion: number, correlationId: number, body: (w: Writer) => void = () => undefined): Buffer {
  const w = new Writer().int16(apiKey).int16(apiVersion).int32(correlationId).string('raw-client');
  body(w);
  const payload = w.toBuffer();
  const size = Buffer.alloc(4);
  size.writeInt32BE(payload.length);
  return Buffer.concat([size, payload]);
}
