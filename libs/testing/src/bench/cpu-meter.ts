/**
 * Where a load's CPU goes: the CPU time each process of the platform spent while it ran (Linux /proc),
 * so the bench can say what one request costs in the client, the gateway, the service and PostgreSQL.
 * PostgreSQL is every child of its postmaster (the backends serving the pools). Elsewhere than Linux
 * it measures nothing and the bench leaves the figures out.
 */
import * as fs from 'node:fs';
import { Client } from 'pg';

const TICKS_PER_SECOND = 100; // USER_HZ on every Linux the platform runs on

/** utime + stime of a process in seconds, or 0 when it is gone. */
function cpuSeconds(pid: number): number {
  try {
    // The command name may hold spaces; the fields after it are fixed.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

function childrenOf(parent: number): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent) found.push(Number(entry));
    } catch {
      // exited while listed
    }
  }
  return found;
}

export type CpuSample = Map<string, number>;

export interface CpuMeter {
  /** CPU seconds so far of each named process, of each PostgreSQL backend, and of this process ('client'). */
  sample(): CpuSample;
}

/** A meter of the named processes and of the PostgreSQL server behind `adminUrl`; null where /proc is not there. */
export async function cpuMeter(processes: Record<string, number>, adminUrl: string): Promise<CpuMeter | null> {
  if (!fs.existsSync('/proc/self/stat')) return null;
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  let postmaster: number;
  try {
    const [{ pid }] = (await client.query('SELECT pg_backend_pid() AS pid')).rows as { pid: number }[];
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    postmaster = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } finally {
    await client.end();
  }
  return {
    sample: () => {
      const own = process.cpuUsage();
      const sample: CpuSample = new Map([['client', (own.user + own.system) / 1e6]]);
      for (const [name, pid] of Object.entries(processes)) sample.set(name, cpuSeconds(pid));
      for (const backend of childrenOf(postmaster)) sample.set(`postgres:${backend}`, cpuSeconds(backend));
      return sample;
    },
  };
}

/** CPU seconds spent between two samples, per process, PostgreSQL's backends summed; a backend that exited in between is not counted. */
export function cpuSpent(before: CpuSample, after: CpuSample): Map<string, number> {
  const spent = new Map<string, number>([['postgres', 0]]);
  for (const [key, seconds] of after) {
    const name = key.startsWith('postgres:') ? 'postgres' : key;
    spent.set(name, (spent.get(name) ?? 0) + Math.max(0, seconds - (before.get(key) ?? 0)));
  }
  return spent;
}
