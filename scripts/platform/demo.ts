/**
 * `npm start -- --demo`: ready accounts to try the platform and the portal with. Through the gateway's
 * public API only, logged in as the first admin (ADMIN_NIP/ADMIN_PASSWORD, generated into
 * .data/secrets.json on the first start): BKD with its Bidang Mutasi, positions with their atasan
 * relation, an office in Palu, and four employees with active accounts: an admin BKD, an operator of
 * BKD, an atasan and a pegawai in the atasan's team. Safe to run on every start: what exists stays.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export type DemoRole = 'ADMIN_BKD' | 'OPERATOR_OPD' | 'ATASAN' | 'PEGAWAI';

export interface DemoAccount {
  role: DemoRole;
  nip: string;
  name: string;
  password: string;
}

interface Credentials {
  nip: string;
  password: string;
}

const UNITS = [
  { code: 'BKD', name: 'Badan Kepegawaian Daerah' },
  { code: 'BKD-MUTASI', name: 'Bidang Mutasi dan Promosi', parentCode: 'BKD' },
];

const POSITIONS = [
  { code: 'BKD-KEPALA', name: 'Kepala Badan Kepegawaian Daerah', type: 'STRUKTURAL', eselon: 'II.a', kelasJabatan: 14, unitCode: 'BKD' },
  {
    code: 'BKD-PRANATA-KOMPUTER',
    name: 'Pranata Komputer Ahli Muda',
    type: 'FUNGSIONAL',
    jenjang: 'Ahli Muda',
    kelasJabatan: 9,
    unitCode: 'BKD',
    parentCode: 'BKD-KEPALA',
  },
  { code: 'BKD-PENGELOLA-DATA', name: 'Pengelola Data Kepegawaian', type: 'PELAKSANA', kelasJabatan: 6, unitCode: 'BKD', parentCode: 'BKD-KEPALA' },
  {
    code: 'BKD-MUTASI-KEPALA',
    name: 'Kepala Bidang Mutasi dan Promosi',
    type: 'STRUKTURAL',
    eselon: 'III.a',
    kelasJabatan: 11,
    unitCode: 'BKD-MUTASI',
    parentCode: 'BKD-KEPALA',
  },
  {
    code: 'BKD-MUTASI-ANALIS',
    name: 'Analis Sumber Daya Manusia Aparatur Ahli Pertama',
    type: 'FUNGSIONAL',
    jenjang: 'Ahli Pertama',
    kelasJabatan: 8,
    unitCode: 'BKD-MUTASI',
    parentCode: 'BKD-MUTASI-KEPALA',
  },
];

/** Valid NIPs (birth date, CPNS appointment month, sex digit, sequence), none of the demo dataset's (born 1966–1974). */
const PEOPLE: { role: DemoRole; nip: string; name: string; golongan: string; unitCode: string; positionCode: string }[] = [
  { role: 'ADMIN_BKD', nip: '198403172009011002', name: 'Moh. Rizal Lamaranggi', golongan: 'III/c', unitCode: 'BKD', positionCode: 'BKD-PRANATA-KOMPUTER' },
  { role: 'OPERATOR_OPD', nip: '198807242011032003', name: 'Nur Aini Tombolotutu', golongan: 'III/a', unitCode: 'BKD', positionCode: 'BKD-PENGELOLA-DATA' },
  { role: 'ATASAN', nip: '197911052005011004', name: 'Andi Hasanuddin Labolo', golongan: 'IV/a', unitCode: 'BKD-MUTASI', positionCode: 'BKD-MUTASI-KEPALA' },
  {
    role: 'PEGAWAI',
    nip: '199306142019032005',
    name: 'Siti Rahmawati Pettalolo',
    golongan: 'III/a',
    unitCode: 'BKD-MUTASI',
    positionCode: 'BKD-MUTASI-ANALIS',
  },
];

/** BKD Sulawesi Tengah's office on Jl. Sam Ratulangi, Palu (public maps, rounded). */
export const DEMO_OFFICE = { name: 'Kantor BKD Provinsi Sulawesi Tengah', latitude: -0.8979, longitude: 119.8594, radiusMeters: 100 };

/**
 * The demo accounts' passwords: generated once and kept beside the platform's secrets
 * (`<dataDir>/demo-accounts.json`, readable by its owner only), so every start prints the same ones.
 */
export function demoPasswords(dataDir: string): Record<DemoRole, string> {
  const file = path.join(dataDir, 'demo-accounts.json');
  const stored = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Record<DemoRole, string>>) : {};
  const passwords = Object.fromEntries(PEOPLE.map((p) => [p.role, stored[p.role] ?? `Demo-${randomBytes(6).toString('base64url')}7`])) as Record<
    DemoRole,
    string
  >;
  if (PEOPLE.some((p) => stored[p.role] !== passwords[p.role])) fs.writeFileSync(file, JSON.stringify(passwords, null, 2), { mode: 0o600 });
  return passwords;
}

type Reply = { status: number; body: any }; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON of the platform's API

/** Creates what is missing of the demo organisation and accounts; returns the accounts, each able to log in. */
export async function setUpDemo(gatewayUrl: string, admin: Credentials, passwords: Record<DemoRole, string>, log: (m: string) => void): Promise<DemoAccount[]> {
  const base = gatewayUrl.replace(/\/$/, '');
  const call = async (method: string, route: string, body?: unknown, token?: string): Promise<Reply> => {
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${base}/api/v1${route}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  const must = (r: Reply, what: string, ...ok: number[]) => {
    if (!ok.includes(r.status)) throw new Error(`demo: ${what} → ${r.status} ${JSON.stringify(r.body)}`);
    return r;
  };
  const login = (who: Credentials) => call('POST', '/auth/login', who);
  const token = must(await login(admin), `login of the first admin ${admin.nip}`, 200).body.accessToken as string;

  log('demo: BKD, Bidang Mutasi, positions and four employees in SIAP…');
  for (const unit of UNITS) must(await call('POST', '/siap/units', unit, token), `unit ${unit.code}`, 201, 409);
  for (const position of POSITIONS) must(await call('POST', '/siap/positions', position, token), `position ${position.code}`, 201, 409);
  for (const p of PEOPLE) {
    const registration = {
      nip: p.nip,
      name: p.name,
      birthDate: `${p.nip.slice(0, 4)}-${p.nip.slice(4, 6)}-${p.nip.slice(6, 8)}`,
      sex: p.nip[14] === '1' ? 'L' : 'P',
      employmentType: 'PNS',
      golongan: p.golongan,
      unitCode: p.unitCode,
      positionCode: p.positionCode,
      tmtCpns: `${p.nip.slice(8, 12)}-${p.nip.slice(12, 14)}-01`,
    };
    must(await call('POST', '/siap/employees', registration, token), `employee ${p.nip}`, 201, 409);
  }

  log('demo: activating the accounts…');
  const accounts: DemoAccount[] = [];
  for (const p of PEOPLE) {
    // The gateway learns the employee from SIAP's event.
    const state = await until(async () => {
      const r = must(await call('GET', `/auth/accounts/${p.nip}`, undefined, token), `account ${p.nip}`, 200);
      return r.body.exists ? (r.body as { activated: boolean; roles: string[] }) : null;
    }, `the account of ${p.nip}`);
    const password = passwords[p.role];
    if (!state.activated || (await login({ nip: p.nip, password })).status !== 200) {
      const { code } = must(await call('POST', `/auth/accounts/${p.nip}/activation`, undefined, token), `activation code of ${p.nip}`, 201).body;
      must(await call('POST', '/auth/activate', { nip: p.nip, code, newPassword: password }), `activation of ${p.nip}`, 204);
    }
    const roles = p.role === 'PEGAWAI' ? [] : [p.role];
    if (roles.some((role) => !state.roles.includes(role))) must(await call('PUT', `/auth/accounts/${p.nip}/roles`, { roles }, token), `roles of ${p.nip}`, 200);
    accounts.push({ role: p.role, nip: p.nip, name: p.name, password });
  }

  log(`demo: ${DEMO_OFFICE.name} for K-Mob's geofence…`);
  // K-Mob learns the unit and the employees from SIAP's events too.
  const offices = await until(async () => {
    const r = must(await call('GET', '/kmob/locations/BKD', undefined, token), 'locations of BKD', 200, 404);
    return r.status === 200 ? (r.body as { name: string }[]) : null;
  }, 'BKD in K-Mob');
  if (!offices.some((o) => o.name === DEMO_OFFICE.name))
    must(await call('PUT', '/kmob/locations/BKD', [...offices, DEMO_OFFICE], token), 'office location', 200);
  for (const p of PEOPLE) {
    await until(
      async () => must(await call('GET', `/kmob/attendance/today?nip=${p.nip}`, undefined, token), `${p.nip} in K-Mob`, 200, 404).status === 200 || null,
      `${p.nip} in K-Mob`,
    );
  }
  return accounts;
}

/** The lines `npm start -- --demo` prints: where to go, and who to log in as. */
export function demoTable(gatewayUrl: string, accounts: DemoAccount[]): string[] {
  const rows = [['role', 'NIP', 'password', 'name'], ...accounts.map((a) => [a.role, a.nip, a.password, a.name])];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return [
    `demo accounts: log in at ${gatewayUrl} (the portal; API: POST ${gatewayUrl}/api/v1/auth/login, docs ${gatewayUrl}/api/docs)`,
    ...rows.map((r) => `  ${r.map((cell, c) => cell.padEnd(widths[c])).join('  ')}`.trimEnd()),
  ];
}

/** Sets the demo up against a running platform and prints the table. */
export async function runDemo(gatewayUrl: string, admin: Credentials, dataDir: string, say: (m: string) => void): Promise<void> {
  const accounts = await setUpDemo(gatewayUrl, admin, demoPasswords(dataDir), say);
  for (const line of demoTable(gatewayUrl, accounts)) say(line);
}

/** Polls until `value` gives something (events take a moment to reach the gateway and K-Mob). */
async function until<T>(value: () => Promise<T | null>, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await value();
    if (found !== null) return found;
    if (Date.now() > deadline) throw new Error(`demo: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
