import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ensureDatabase } from '../databases';
import { percentile } from '../percentile';

export interface PgWriteCalibration {
  clients: number;
  rowsPerTransaction: number;
  transactionsPerSecond: number;
  rowsPerSecond: number;
  /** Per transaction, sorted, in ms. */
  latencies: number[];
}

const DATABASE = 'bench_calibration';

/** A row like a registered employee or a check-in: a key, a few short columns, a little JSON, one more index. */
const ROW_TABLE = `CREATE TABLE calibration_row (
  id uuid PRIMARY KEY,
  nip text NOT NULL,
  kind text NOT NULL,
  at timestamptz NOT NULL,
  unit_code text NOT NULL,
  details jsonb NOT NULL,
  version int NOT NULL DEFAULT 1)`;

/** The platform's outbox_event, without the NOTIFY trigger (nobody relays these). */
const OUTBOX_TABLE = `CREATE TABLE calibration_outbox (
  id bigserial PRIMARY KEY,
  event_id uuid NOT NULL UNIQUE,
  topic text NOT NULL,
  record_key text NOT NULL,
  type text NOT NULL,
  source text NOT NULL,
  subject text NOT NULL,
  time timestamptz NOT NULL,
  data jsonb NOT NULL,
  traceparent text,
  created_at timestamptz NOT NULL DEFAULT now())`;

/** One statement, as the services write a registration or a batch of check-ins: the rows and one event each, atomically. */
const WRITE = `WITH r AS (
  INSERT INTO calibration_row (id, nip, kind, at, unit_code, details)
  SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::jsonb[])
  RETURNING id, nip)
INSERT INTO calibration_outbox (event_id, topic, record_key, type, source, subject, time, data)
SELECT gen_random_uuid(), 'bench.calibration.v1', r.nip, 'bench.calibration.written', '/bench', r.nip, now(), $7::jsonb FROM r`;

/** About the size of an employee's registered event. */
const EVENT_DATA = JSON.stringify({
  employee: {
    nip: '199001012015031002',
    name: 'Calibration Row With A Name Of Usual Length',
    birthDate: '1990-01-01',
    sex: 'L',
    employmentType: 'PNS',
    golongan: 'III/a',
    unitCode: 'DINAS-PENDIDIKAN-BIDANG-1',
    unitPath: ['PEMPROV', 'DINAS-PENDIDIKAN', 'DINAS-PENDIDIKAN-BIDANG-1'],
    positionCode: 'DINAS-PENDIDIKAN-BIDANG-1-STAF-3',
    kelasJabatan: 7,
    parentPositionCode: 'DINAS-PENDIDIKAN-BIDANG-1-KABID',
    tmtCpns: '2015-03-01',
    email: null,
    phone: null,
    status: 'AKTIF',
    version: 1,
  },
});

/**
 * The database calibration: raw PostgreSQL transactions of the same shape as the figure beside it, on
 * the same server in the same run, with `pg` and nothing else. Each of `clients` connections commits,
 * back to back, one statement inserting `rowsPerTransaction` rows and as many outbox-like events, for
 * `seconds` after a warm-up second. Its tables live in a database of their own, recreated each time,
 * so the services' data is untouched and every calibration starts from empty tables.
 */
export async function pgWriteCalibration(
  adminUrl: string,
  options: { clients: number; rowsPerTransaction?: number; seconds?: number },
): Promise<PgWriteCalibration> {
  const rowsPerTransaction = options.rowsPerTransaction ?? 1;
  const seconds = options.seconds ?? 5;
  const url = await ensureDatabase(adminUrl, DATABASE);
  const setup = new Client({ connectionString: url });
  await setup.connect();
  const connections: Client[] = [];
  try {
    await setup.query('DROP TABLE IF EXISTS calibration_row, calibration_outbox');
    await setup.query(ROW_TABLE);
    await setup.query('CREATE INDEX ON calibration_row (nip, at)');
    await setup.query(OUTBOX_TABLE);
    // The services keep their pools open meanwhile: take no more connections than the server has left.
    const { rows } = await setup.query(`SELECT current_setting('max_connections')::int - count(*)::int - 10 AS free FROM pg_stat_activity`);
    const clients = Math.max(1, Math.min(options.clients, (rows[0] as { free: number }).free));
    if (clients < options.clients) console.log(`  (calibration with ${clients} connections: the server has no more free)`);
    for (let i = 0; i < clients; i += 20) {
      const batch = Array.from({ length: Math.min(20, clients - i) }, () => new Client({ connectionString: url }));
      await Promise.all(batch.map((c) => c.connect()));
      connections.push(...batch);
    }

    let counter = 0;
    const write = (client: Client) => {
      const [ids, nips, kinds, ats, units, details]: unknown[][] = [[], [], [], [], [], []];
      for (let r = 0; r < rowsPerTransaction; r++) {
        const n = counter++;
        ids.push(randomUUID());
        nips.push(`19${String(n).padStart(16, '0')}`);
        kinds.push(n % 2 ? 'IN' : 'OUT');
        ats.push(new Date());
        units.push('DINAS-PENDIDIKAN-BIDANG-1');
        details.push(`{"latitude":-0.8917,"longitude":119.8707,"accuracyMeters":${n % 16},"deviceId":"android-${n.toString(36)}"}`);
      }
      return client.query({ name: 'calibration-write', text: WRITE, values: [ids, nips, kinds, ats, units, details, EVENT_DATA] });
    };

    const start = performance.now();
    const timedFrom = start + 1000;
    const end = timedFrom + seconds * 1000;
    const latencies: number[] = [];
    await Promise.all(
      connections.map(async (client) => {
        while (performance.now() < end) {
          const t = performance.now();
          await write(client);
          if (t >= timedFrom) latencies.push(performance.now() - t);
        }
      }),
    );
    latencies.sort((a, b) => a - b);
    const transactionsPerSecond = latencies.length / seconds;
    return { clients, rowsPerTransaction, transactionsPerSecond, rowsPerSecond: transactionsPerSecond * rowsPerTransaction, latencies };
  } finally {
    await Promise.all(connections.map((c) => c.end().catch(() => undefined)));
    await setup.query('DROP TABLE IF EXISTS calibration_row, calibration_outbox').catch(() => undefined);
    await setup.end();
  }
}

/** `2,400 tx/s (32 clients, p99 31 ms)`, for the line a benchmark prints after a calibration. */
export function describePgCalibration(c: PgWriteCalibration): string {
  const per = c.rowsPerTransaction === 1 ? 'tx/s' : `tx/s of ${c.rowsPerTransaction} rows (${Math.round(c.rowsPerSecond).toLocaleString('en-US')} rows/s)`;
  return `${Math.round(c.transactionsPerSecond).toLocaleString('en-US')} ${per}, ${c.clients} client${c.clients === 1 ? '' : 's'}, p99 ${percentile(c.latencies, 99).toFixed(1)} ms`;
}
