import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { freePort } from '../embedded-postgres';
import { waitFor } from '../wait';
import { exited } from './broker-process';

export interface BareHttp {
  origin: string;
  stop(): Promise<void>;
}

/**
 * The HTTP calibration target: a bare Fastify app in a child process of its own, started the way the
 * services are (`node -r @swc-node/register`), so the same load code against it measures what an HTTP
 * answer costs on this machine, in this run.
 */
export async function startBareFastify(): Promise<BareHttp> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(__dirname, 'bare-fastify-server.ts')], {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let listening = false;
  child.stdout!.on('data', (chunk: Buffer) => (listening ||= chunk.toString().includes('listening on')));
  await waitFor(
    () => {
      if (child.exitCode !== null) throw new Error(`the calibration server exited with ${child.exitCode}`);
      return listening;
    },
    'the calibration server to listen',
    30_000,
  );
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: async () => {
      child.kill('SIGTERM');
      await exited(child);
    },
  };
}
