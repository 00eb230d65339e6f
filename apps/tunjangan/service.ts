import { defineService } from '@app/service-kit/service-descriptor';

export const TUNJANGAN = defineService({
  name: 'tunjangan',
  title: 'Sim Tunjangan — the monthly TPP allowance, its rules, PPh 21 and BPJS',
  description:
    'Tambahan Penghasilan Pegawai: the effective-dated TPP rule sets and tax tables, the inputs gathered from SIAP (positions, units, status), K-Mob (monthly discipline) and TRK (monthly performance score), and from them the monthly TPP run with every line explained.',
  port: 3005,
  // Rule sets are small JSON documents. The SIMGAJI salary CSV of the whole province (some 36,000 rows
  // of about 100 bytes, with the export's other columns) fits well within 16 MB.
  textBodies: { types: ['text/csv'], limitBytes: 16 * 1024 * 1024 },
  replicas: 2,
  env: {
    UTC_OFFSET_MINUTES: {
      description: 'Local time of the province in minutes east of UTC (WITA): the day a SIAP change without a decree takes effect',
      value: '480',
    },
  },
  // tunjangan.tpp.v1 (run-frozen, line-paid) joins when the monthly run is built.
  produces: [],
  consumes: ['siap.employee.v1', 'siap.organization.v1', 'kmob.discipline.v1', 'trk.performance.v1'],
});
