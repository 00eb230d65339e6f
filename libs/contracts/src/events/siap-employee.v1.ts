import { defineEvent, type JsonSchema, type SchemaData } from '../event-definition';
import { DECREE_SCHEMA, ISO_DATE, NIP } from './siap-common.schema';

export const SIAP_EMPLOYEE_TOPIC = 'siap.employee.v1';

const EMPLOYEE_STATE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: [
    'nip',
    'name',
    'birthDate',
    'sex',
    'employmentType',
    'golongan',
    'unitCode',
    'unitPath',
    'positionCode',
    'kelasJabatan',
    'supervisorPositionCode',
    'tmtCpns',
    'status',
    'email',
    'phone',
    'version',
  ],
  properties: {
    nip: NIP,
    name: { type: 'string', minLength: 1 },
    birthDate: ISO_DATE,
    sex: { enum: ['L', 'P'] },
    employmentType: { enum: ['PNS', 'PPPK'] },
    golongan: { type: 'string', description: 'I/a–IV/e for PNS, I–XVII for PPPK' },
    unitCode: { type: 'string' },
    unitPath: {
      type: 'array',
      items: { type: 'string' },
      description: 'The unit and its ancestors, nearest first: lets consumers scope by OPD without the unit tree.',
    },
    positionCode: { type: 'string' },
    kelasJabatan: { type: 'integer', minimum: 1, maximum: 17 },
    supervisorPositionCode: { type: ['string', 'null'], description: "The position whose holder is this employee's atasan; null at the top of the hierarchy." },
    tmtCpns: ISO_DATE,
    status: { enum: ['AKTIF', 'PENSIUN', 'BERHENTI', 'MENINGGAL', 'CLTN'] },
    email: { type: ['string', 'null'] },
    phone: { type: ['string', 'null'] },
    version: { type: 'integer', minimum: 1 },
  },
} as const satisfies JsonSchema;

const EMPLOYEE_EVENT_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['employee'],
  properties: {
    employee: EMPLOYEE_STATE_SCHEMA,
    decree: { ...DECREE_SCHEMA, description: 'The career action behind the event, when there is one.' },
    previous: {
      type: 'object',
      additionalProperties: false,
      properties: EMPLOYEE_STATE_SCHEMA.properties,
      description: 'Fields whose values changed, with the previous values (updated/transferred/promoted/position-changed).',
    },
    reason: { type: 'string', description: 'For terminated: pensiun, berhenti, meninggal or CLTN.' },
  },
} as const satisfies JsonSchema;

/** The employee's full current state: every employee event carries it, so any one event can seed a projection. */
export type EmployeeState = SchemaData<typeof EMPLOYEE_STATE_SCHEMA>;
export type EmployeeEventData = SchemaData<typeof EMPLOYEE_EVENT_SCHEMA>;
export type EmploymentType = EmployeeState['employmentType'];
export type EmployeeStatus = EmployeeState['status'];

function employeeEvent(type: string, summary: string) {
  return defineEvent({ type, topic: SIAP_EMPLOYEE_TOPIC, summary, key: 'the employee NIP', schema: EMPLOYEE_EVENT_SCHEMA });
}

export const EmployeeEvents = {
  registered: employeeEvent('siap.employee.registered', 'A CPNS/PPPK employee was registered in SIAP.'),
  updated: employeeEvent('siap.employee.updated', "An employee's personal or contact data was corrected."),
  transferred: employeeEvent('siap.employee.transferred', 'Mutasi: the employee moved to another unit and position (with SK and TMT).'),
  promoted: employeeEvent('siap.employee.promoted', 'Kenaikan pangkat: the employee rose to a new golongan (with SK and TMT).'),
  positionChanged: employeeEvent('siap.employee.position-changed', 'The employee took another position in the same unit (with SK and TMT).'),
  terminated: employeeEvent('siap.employee.terminated', 'Pensiun, berhenti, meninggal or CLTN (with SK and TMT).'),
  snapshot: employeeEvent('siap.employee.snapshot', "The employee's current state, re-emitted for consumers to bootstrap from."),
} as const;
