import { canManageEmployee, canManageOrganisation, canReadEmployee, employeeListScope, type EmployeeScopeFacts, type Identity } from '../src';

const person = (nip: string, roles: Identity['roles'], unitCode: string): Identity => ({ nip, name: nip, roles, unitCode });
const admin = person('A', ['ADMIN_BKD', 'PEGAWAI'], 'BKD');
const operatorBkd = person('O', ['OPERATOR_OPD', 'PEGAWAI'], 'BKD');
const operatorDinkes = person('D', ['OPERATOR_OPD', 'PEGAWAI'], 'DINKES');
const atasan = person('K', ['ATASAN', 'PEGAWAI'], 'BKD-MUTASI');
const pegawai = person('P', ['PEGAWAI'], 'BKD-MUTASI');

const analyst: EmployeeScopeFacts = { nip: 'P', unitPath: ['BKD-MUTASI', 'BKD'], atasanNip: 'K' };
const nurse: EmployeeScopeFacts = { nip: 'N', unitPath: ['DINKES'], atasanNip: 'X' };
const adminRecord: EmployeeScopeFacts = { nip: 'A', unitPath: ['BKD'], atasanNip: null };
const operatorRecord: EmployeeScopeFacts = { nip: 'O', unitPath: ['BKD'], atasanNip: null };

describe('scope rules', () => {
  it.each([
    ['admin on a BKD analyst', true, true, admin, analyst],
    ['admin on a Dinkes nurse', true, true, admin, nurse],
    ['operator of the parent OPD', true, true, operatorBkd, analyst],
    ['operator of another OPD', false, false, operatorDinkes, analyst],
    ['operator of their own OPD', true, true, operatorDinkes, nurse],
    ['direct atasan', true, false, atasan, analyst],
    ['another atasan', false, false, atasan, nurse],
    ['the employee themself', true, false, pegawai, analyst],
    ['another pegawai', false, false, pegawai, nurse],
    ['admin on their own record', true, false, admin, adminRecord],
    ['operator on their own record', true, false, operatorBkd, operatorRecord],
  ] as const)('%s: read %s, manage %s', (_who, read, manage, identity, employee) => {
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
