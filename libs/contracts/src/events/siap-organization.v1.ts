import { defineEvent, type JsonSchema, type SchemaData } from '../event-definition';

export const SIAP_ORGANIZATION_TOPIC = 'siap.organization.v1';

const UNIT_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['unit'],
  properties: {
    unit: {
      type: 'object',
      additionalProperties: false,
      required: ['code', 'name', 'parentCode', 'path', 'address', 'version'],
      properties: {
        code: { type: 'string' },
        name: { type: 'string' },
        parentCode: { type: ['string', 'null'] },
        path: { type: 'array', items: { type: 'string' }, description: 'The unit and its ancestors, nearest first.' },
        address: { type: ['string', 'null'] },
        version: { type: 'integer', minimum: 1 },
      },
    },
  },
} as const satisfies JsonSchema;

const POSITION_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['position'],
  properties: {
    position: {
      type: 'object',
      additionalProperties: false,
      required: ['code', 'name', 'type', 'eselon', 'jenjang', 'kelasJabatan', 'unitCode', 'parentCode', 'version'],
      properties: {
        code: { type: 'string' },
        name: { type: 'string' },
        type: { enum: ['STRUKTURAL', 'FUNGSIONAL', 'PELAKSANA'] },
        eselon: { type: ['string', 'null'] },
        jenjang: { type: ['string', 'null'] },
        kelasJabatan: { type: 'integer', minimum: 1, maximum: 17 },
        unitCode: { type: 'string' },
        parentCode: { type: ['string', 'null'], description: "The atasan's position" },
        version: { type: 'integer', minimum: 1 },
      },
    },
  },
} as const satisfies JsonSchema;

export type UnitEventData = SchemaData<typeof UNIT_SCHEMA>;
export type PositionEventData = SchemaData<typeof POSITION_SCHEMA>;
export type UnitState = UnitEventData['unit'];
export type PositionState = PositionEventData['position'];
export type PositionType = PositionState['type'];

const unitEvent = (type: string, summary: string) =>
  defineEvent({ type, topic: SIAP_ORGANIZATION_TOPIC, summary, key: 'unit:<unit code>', schema: UNIT_SCHEMA });
const positionEvent = (type: string, summary: string) =>
  defineEvent({ type, topic: SIAP_ORGANIZATION_TOPIC, summary, key: 'position:<position code>', schema: POSITION_SCHEMA });

export const OrganizationEvents = {
  unitCreated: unitEvent('siap.unit.created', 'A unit (OPD, bidang, seksi, UPTD) was added to the tree.'),
  unitUpdated: unitEvent('siap.unit.updated', "A unit's name, parent or address changed."),
  unitSnapshot: unitEvent('siap.unit.snapshot', "A unit's current state, re-emitted for consumers to bootstrap from."),
  positionCreated: positionEvent('siap.position.created', 'A position (jabatan) was added.'),
  positionUpdated: positionEvent('siap.position.updated', "A position's class, parent or unit changed."),
  positionSnapshot: positionEvent('siap.position.snapshot', "A position's current state, re-emitted for consumers to bootstrap from."),
} as const;
