import { canManageEmployee, canManageOrganisation, canReadEmployee, employeeListScope, type EmployeeScopeFacts, type Identity } from '../src';

const person = (nip: string, roles: Identity['roles'], unitCode: string): Identity => ({ nip, name: nip, roles, unitCode });
const admin = person('A', ['ADMIN_BKD', 'PEGAWAI'], 'BKD');
const operatorBkd = person('O', ['OPERATOR_OPD', 'PEGAWAI'], 'BKD');
const operatorDinkes = person('D', ['OPERATOR_OPD', 'PEGAWAI'], 'DINKES');
const atasan = person('K', ['ATASAN', 'PEGAWAI'], 'BKD-MUTASI');
const pegawai = person('P', ['PEGAWAI'], 'BKD-MUTASI');

const analyst: EmployeeScopeFacts = { nip: 'P', unitPath: ['BKD-MUTASI', 'BKD'], atasanNip: 'K' };
const nurse: EmployeeScopeFacts = { nip: 'N', unitPath: ['DINKES'], atasanNip: 'X' };

describe('scope rules', () => {
  it.each([
    ['admin', admin, analyst, true, true],
    ['admin', admin, nurse, true, true],
    ['operator of the parent OPD', operatorBkd, analyst, true, true],
    ['operator of another OPD', operatorDinkes, analyst, false, false],
    ['operator of their own OPD', operatorDinkes, nurse, true, true],
    ['direct atasan', atasan, analyst, true, false],
    ['another atasan', atasan, nurse, false, false],
    ['the employee themself', pegawai, analyst, true, false],
    ['another pegawai', pegawai, nurse, false, false],
  ] as const)('%s: read %#', (_who, identity, employee, read, manage) => {
    expect(canReadEmployee(identity, employee)).toBe(read);
    expect(canManageEmployee(identity, employee)).toBe(manage);
  });

  it('lets only BKD change the organisation, and narrows lists by role', () => {
    expect([admin, operatorBkd, atasan, pegawai].map(canManageOrganisation)).toEqual([true, false, false, false]);
    expect(employeeListScope(admin)).toEqual({ kind: 'all' });
    expect(employeeListScope(operatorBkd)).toEqual({ kind: 'units', unitCode: 'BKD', alsoNip: 'O' });
    expect(employeeListScope(atasan)).toEqual({ kind: 'subordinates', atasanNip: 'K' });
    expect(employeeListScope(pegawai)).toEqual({ kind: 'self', nip: 'P' });
  });
});
