import { assertValidEvent, ContractViolation, EmployeeEvents } from '../src';

const employee = {
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
    expect(() => assertValidEvent(EmployeeEvents.registered.type, { employee })).not.toThrow();
  });

  it('names what is wrong with an event that does not', () => {
    const bad = { employee: { ...employee, nip: '123', kelasJabatan: 40 } };
    expect(() => assertValidEvent(EmployeeEvents.registered.type, bad)).toThrow(ContractViolation);
    try {
      assertValidEvent(EmployeeEvents.registered.type, bad);
    } catch (error) {
      expect((error as ContractViolation).problems.join()).toMatch(/\/employee\/nip.*pattern/);
      expect((error as ContractViolation).problems.join()).toMatch(/\/employee\/kelasJabatan/);
    }
    expect(() => assertValidEvent('siap.unknown', {})).toThrow(/unknown event type/);
  });
});
