import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '../../..');

/**
 * A service run as its own process, as `npm start` runs it (TypeScript through @swc-node/register),
 * logging warnings and errors only. With BENCH_PROFILE_DIR set it writes a CPU profile there on exit.
 */
export function spawnService(entry: string, env: Record<string, string>): ChildProcess {
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  return spawn(process.execPath, [...profile, '-r', '@swc-node/register', path.join(ROOT, entry)], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}
