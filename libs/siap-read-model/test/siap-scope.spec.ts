import { createTestDatabase } from '@app/testing';
import { DataSource } from 'typeorm';
import { SiapReadModel1732790000000, SiapScope } from '../src';

/**
 * SiapScope's two SQL forms of the atasan rule: from an employee up (atasanOf) and from an atasan down
 * (subordinatesOf, what the approvals inbox and the team view ask). They must name the same people.
 */
describe('SiapScope: who is whose atasan', () => {
  let db: DataSource;
  let drop: () => Promise<void>;

  // The head's position is held by two in service (the first by NIP is the atasan) and by one retired
  // holder with a smaller NIP; the other team's head is retired, so that team has no atasan at all.
  const people: [nip: string, position: string, supervisor: string | null, status: string][] = [
    ['196501012000011001', 'HEAD', null, 'PENSIUN'],
    ['197001012000011001', 'HEAD', null, 'AKTIF'],
    ['197501012000011001', 'HEAD', null, 'AKTIF'],
    ['198001012005011001', 'STAFF', 'HEAD', 'AKTIF'],
    ['198501012010011001', 'STAFF', 'HEAD', 'PENSIUN'],
    ['199001012015011001', 'CLERK', 'HEAD', 'AKTIF'],
    ['196001012000011001', 'OTHER-HEAD', null, 'PENSIUN'],
    ['199501012020011001', 'OTHER-STAFF', 'OTHER-HEAD', 'AKTIF'],
  ];

  beforeAll(async () => {
    const database = await createTestDatabase('siap_scope');
    drop = database.drop;
    db = new DataSource({ type: 'postgres', url: database.url, migrations: [SiapReadModel1732790000000], migrationsRun: true });
    await db.initialize();
    for (const [nip, position, supervisor, status] of people) {
      await db.query(
        `INSERT INTO employee (nip, name, unit_code, unit_path, position_code, supervisor_position_code, status, version) VALUES ($1, $1, 'BKD', '{BKD}', $2, $3, $4, 1)`,
        [nip, position, supervisor, status],
      );
    }
  });
  afterAll(async () => {
    await db.destroy();
    await drop();
  });

  const below = async (atasan: string) =>
    ((await db.query(`SELECT e.nip FROM employee e WHERE e.nip IN ${SiapScope.subordinatesOf('$1')} ORDER BY e.nip`, [atasan])) as { nip: string }[]).map(
      (r) => r.nip,
    );
  const under = async (atasan: string) =>
    ((await db.query(`SELECT e.nip FROM employee e WHERE ${SiapScope.atasanOf('e')} = $1 ORDER BY e.nip`, [atasan])) as { nip: string }[]).map((r) => r.nip);

  it.each(people.map(([nip]) => [nip]))('%s has the same subordinates seen from either side', async (nip) => {
    expect(await below(nip)).toEqual(await under(nip));
  });

  it("gives the head's team to the first holder in service only", async () => {
    expect(await below('197001012000011001')).toEqual(['198001012005011001', '198501012010011001', '199001012015011001']);
    expect(await below('197501012000011001')).toEqual([]);
    expect(await below('196501012000011001')).toEqual([]);
    expect(await below('196001012000011001')).toEqual([]);
    expect((await new SiapScope().employee(db, '199001012015011001'))?.atasanNip).toBe('197001012000011001');
  });
});
