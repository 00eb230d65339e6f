import type { EmployeeState } from '@app/contracts';
import type { EntityManager } from 'typeorm';
import { EmployeeEntity, PositionEntity } from '../persistence/entities';
import { unitPath } from '../units/unit.service';

/** The full current state carried by every employee event and returned by the API. */
export function buildEmployeeState(e: EmployeeEntity, position: Pick<PositionEntity, 'kelasJabatan' | 'parentCode'>, path: string[]): EmployeeState {
  return {
    nip: e.nip,
    name: e.name,
    birthDate: e.birthDate,
    sex: e.sex,
    employmentType: e.employmentType,
    golongan: e.golongan,
    unitCode: e.unitCode,
    unitPath: path,
    positionCode: e.positionCode,
    kelasJabatan: position.kelasJabatan,
    supervisorPositionCode: position.parentCode,
    tmtCpns: e.tmtCpns,
    status: e.status,
    email: e.email,
    phone: e.phone,
    version: e.version,
  };
}

export async function employeeState(m: EntityManager, e: EmployeeEntity): Promise<EmployeeState> {
  const position = await m.findOneByOrFail(PositionEntity, { code: e.positionCode });
  return buildEmployeeState(e, position, await unitPath(m, e.unitCode));
}
