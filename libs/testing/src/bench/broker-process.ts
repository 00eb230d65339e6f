import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';

const CLI = path.join(__dirname, '../../../kafka-broker/src/cli.ts');

export interface BrokerProcess {
  child: ChildProcess;
  address: string;
  output: string[];
}

/**
 * Runs the broker command (`npm run broker`) in its own process and resolves once it listens. The
 * benchmarks start it from here rather than from the broker's test support, which is the tests' own.
 */
export function spawnBrokerProcess(args: string[]): Promise<BrokerProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', CLI, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`broker did not start:\n${output.join('')}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      const match = /listening on (\S+:\d+)/.exec(output.join(''));
      if (match) {
        clearTimeout(timer);
        resolve({ child, address: match[1], output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.on('exit', (code) => reject(new Error(`broker exited with ${code}:\n${output.join('')}`)));
  });
}

/** Resolves with the exit code once `child` has exited (at once if it already has). */
export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}
