import { defineService } from '@app/service-kit/service-descriptor';

export const SIAP = defineService({
  name: 'siap',
  title: 'SIAP — personnel master data',
  description: 'The system of record for Sulteng ASN: units, positions, employees and their career history.',
  port: 3001,
  // SIASN exports of the whole province are a few MiB; JSON bodies keep the 1 MiB default.
  textBodies: { types: ['text/csv'], limitBytes: 50 * 1024 * 1024 },
  replicas: 2,
  workerReplicas: 1,
  produces: ['siap.employee.v1', 'siap.organization.v1'],
  consumes: [],
});
