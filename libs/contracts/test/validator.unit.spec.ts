import { assertValidEvent, ContractViolation, EmployeeEvents, type EmployeeEventData, type EmployeeState, type EventDefinition } from '../src';

const employee: EmployeeState = {
  nip: '196608011988031001',
  name: 'Andi Lamaranggi',
  birthDate: '1966-08-01',
  sex: 'L',
  employmentType: 'PNS',
  golongan: 'IV/a',
  unitCode: 'BKD',
  unitPath: ['BKD'],
  positionCode: 'BKD-KABAN',
  kelasJabatan: 14,
  supervisorPositionCode: null,
  tmtCpns: '1988-03-01',
  status: 'AKTIF',
  email: null,
  phone: null,
  version: 1,
};

describe('event contracts', () => {
  it('accepts an event that matches its schema', () => {
    expect(() => assertValidEvent(EmployeeEvents.registered, { employee })).not.toThrow();
    expect(() =>
      assertValidEvent(EmployeeEvents.transferred, {
        employee,
        decree: { skNumber: '821/1/BKD', tmt: '2026-01-01' },
        previous: { unitCode: 'DINKES', email: null },
      }),
    ).not.toThrow();
  });

  it('names what is wrong with an event that does not', () => {
    const bad = { employee: { ...employee, nip: '123', kelasJabatan: 40 } };
    expect(() => assertValidEvent(EmployeeEvents.registered, bad)).toThrow(ContractViolation);
    try {
      assertValidEvent(EmployeeEvents.registered, bad);
    } catch (error) {
      expect((error as ContractViolation).problems.join()).toMatch(/\/employee\/nip.*pattern/);
      expect((error as ContractViolation).problems.join()).toMatch(/\/employee\/kelasJabatan/);
      expect((error as ContractViolation).fields).toContainEqual({ path: '/employee/nip', keyword: 'pattern' });
      expect((error as ContractViolation).message).toMatch(/^siap\.employee\.registered on siap\.employee\.v1 /);
    }
  });

  it('refuses null in an optional field that is not nullable, and values outside the state in previous', () => {
    expect(() => assertValidEvent(EmployeeEvents.promoted, { employee, decree: null })).toThrow(/\/decree must be object/);
    expect(() => assertValidEvent(EmployeeEvents.updated, { employee, previous: { salary: 1 } })).toThrow(/\/previous must NOT have additional properties/);
    expect(() => assertValidEvent(EmployeeEvents.updated, { employee, previous: { email: 5 } })).toThrow(/\/previous\/email must be string,null/);
  });

  // Checked by tsc (npm run typecheck), not jest: the payload types are the schemas' own, so each line below must not compile.
  it('gives each event the TypeScript type of its schema', () => {
    const withDecree: EmployeeEventData = { employee, decree: { skNumber: '821/1/BKD', tmt: '2026-01-01' } };
    // @ts-expect-error decree is optional but not nullable, in the schema and therefore in the type
    const nullDecree: EmployeeEventData = { employee, decree: null };
    // @ts-expect-error kelasJabatan is an integer in the schema, so a string does not compile
    const textClass: EmployeeState = { ...employee, kelasJabatan: '14' };
    // @ts-expect-error a definition's payload type is its schema's: it cannot be declared as another type
    const mislabelled: EventDefinition<{ employee: { nip: number } }> = EmployeeEvents.registered;
    expect([withDecree, nullDecree, textClass, mislabelled]).toHaveLength(4);
  });
});
