import { defineService } from '@app/service-kit/service-descriptor';

export const TRK = defineService({
  name: 'trk',
  title: 'TRK — daily activities, verification, targets, the monthly performance score and the annual SKP',
  description:
    'Tunjangan Remunerasi Kinerja: the activity catalogue per position, daily activity entries before the cut-off, their verification by the atasan, IKI targets, the monthly score that feeds TPP (closed and published per month), and the annual SKP predikat within the organisation’s distribution pattern.',
  port: 3004,
  // An entry may carry a 2 MB evidence file as base64 (about 2.7 MB of JSON).
  bodyLimitBytes: 4 * 1024 * 1024,
  // Catalogue imports: a few thousand rows at most.
  textBodies: { types: ['text/csv'], limitBytes: 2 * 1024 * 1024 },
  // Entries peak before the 16:00 cut-off, province-wide.
  replicas: 2,
  workerReplicas: 1,
  // Evidence (photos, documents) of activities.
  storesFiles: true,
  env: {
    UTC_OFFSET_MINUTES: { description: 'Local time of the province in minutes east of UTC (WITA): the working day and the cut-off', value: '480' },
    UPLOAD_MAX_BYTES: { description: 'Largest evidence file after base64 decoding', value: '2097152' },
  },
  produces: ['trk.activity.v1', 'trk.performance.v1', 'trk.skp.v1'],
  consumes: ['siap.employee.v1', 'siap.organization.v1', 'kmob.discipline.v1', 'kmob.attendance.v1', 'kmob.calendar.v1'],
});
