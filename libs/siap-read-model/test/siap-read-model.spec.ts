import { randomUUID } from 'node:crypto';
import type { EmployeeState } from '@app/contracts';
import type { CloudEvent } from '@app/messaging';
import { createTestDatabase, employeeState } from '@app/testing';
import { DataSource } from 'typeorm';
import { SiapProjection, SiapReadModel1732790000000, SiapScope } from '../src';

const employee = (nip: string, overrides: Partial<EmployeeState> = {}) => employeeState(nip, { birthDate: '1990-03-15', sex: 'L', ...overrides });

const event = <T>(data: T, decreeTime = '2026-10-05T01:00:00Z'): CloudEvent<T> =>
  ({
    id: randomUUID(),
    source: '/sulteng/siap',
    type: 'siap.employee.updated',
    specversion: '1.0',
    subject: 'x',
    time: decreeTime,
    data,
  }) as unknown as CloudEvent<T>;

/** The read model every consuming service keeps, applied straight from SIAP's event payloads. */
describe('SIAP read model', () => {
  let db: DataSource;
  let drop: () => Promise<void>;
  let projection: SiapProjection;
  const scope = new SiapScope();

  beforeAll(async () => {
    const database = await createTestDatabase('read_model');
    drop = database.drop;
    db = new DataSource({ type: 'postgres', url: database.url, migrations: [SiapReadModel1732790000000], migrationsRun: true });
    await db.initialize();
    projection = new SiapProjection(db, null as never, null as never, { consumer: 'test' });
  });
  afterAll(async () => {
    await db.destroy();
    await drop();
  });

  const units = async (nip: string) =>
    (await db.query(`SELECT to_char(valid_from, 'YYYY-MM-DD') AS "from", unit_code AS unit FROM employee_unit WHERE nip = $1 ORDER BY valid_from`, [nip])) as {
      from: string;
      unit: string | null;
    }[];

  it('keeps the newest version of each employee and finds the atasan by position', async () => {
    await db.transaction((m) =>
      projection.applyEmployee(event({ employee: employee('197503152005031001', { positionCode: 'BKD-KABID', supervisorPositionCode: null, version: 3 }) }), m),
    );
    await db.transaction((m) => projection.applyEmployee(event({ employee: employee('199003152015031002', { version: 2 }) }), m));
    await db.transaction((m) => projection.applyEmployee(event({ employee: employee('199003152015031002', { name: 'Lama', version: 1 }) }), m));
    const analyst = await scope.employee(db, '199003152015031002');
    expect(analyst).toMatchObject({
      name: 'Pegawai 002',
      atasanNip: '197503152005031001',
      unitPath: ['BKD-MUTASI', 'BKD'],
      kelasJabatan: 8,
      tmtCpns: '2015-03-01',
    });
    expect(await scope.employee(db, '199999999999999999')).toBeNull();
  });

  it('keeps the units of an employee over time from the decree TMT, and the day service ended', async () => {
    const nip = '199103152015032003';
    await db.transaction((m) => projection.applyEmployee(event({ employee: employee(nip) }), m));
    const moved = employee(nip, { unitCode: 'DINKES', unitPath: ['DINKES'], version: 2 });
    await db.transaction((m) => projection.applyEmployee(event({ employee: moved, decree: { skNumber: 'SK/1', tmt: '2026-08-17' } }), m));
    const retired = { ...moved, status: 'PENSIUN' as const, version: 3 };
    await db.transaction((m) => projection.applyEmployee(event({ employee: retired, decree: { skNumber: 'SK/2', tmt: '2026-11-01' } }), m));
    expect(await units(nip)).toEqual([
      { from: '2015-03-01', unit: 'BKD-MUTASI' },
      { from: '2026-08-17', unit: 'DINKES' },
      { from: '2026-11-01', unit: null },
    ]);
  });

  it('keeps units and positions, newest version first', async () => {
    await db.transaction((m) =>
      projection.applyUnit(event({ unit: { code: 'BKD', name: 'BKD', parentCode: null, path: ['BKD'], address: null, version: 2 } }), m),
    );
    await db.transaction((m) =>
      projection.applyUnit(event({ unit: { code: 'BKD', name: 'Lama', parentCode: null, path: ['BKD'], address: null, version: 1 } }), m),
    );
    await db.transaction((m) =>
      projection.applyPosition(
        event({
          position: {
            code: 'BKD-ANALIS',
            name: 'Analis',
            type: 'FUNGSIONAL' as const,
            eselon: null,
            jenjang: 'Ahli Pertama',
            kelasJabatan: 8,
            unitCode: 'BKD-MUTASI',
            parentCode: 'BKD-KABID',
            version: 1,
          },
        }),
        m,
      ),
    );
    expect(await scope.unitPath(db, 'BKD')).toEqual(['BKD']);
    expect(await db.query('SELECT name FROM unit')).toEqual([{ name: 'BKD' }]);
    expect(await db.query('SELECT kelas_jabatan FROM position')).toEqual([{ kelas_jabatan: 8 }]);
  });
});
