import { defineService } from '@app/service-kit/service-descriptor';

export const KMOB = defineService({
  name: 'kmob',
  title: 'K-Mob — attendance, requests and monthly discipline',
  description: 'Geofenced mobile check-in, machine-log import, field-duty and leave requests, and the monthly discipline summary that feeds TPP.',
  port: 3002,
  // A check-in may carry a 2 MB selfie as base64 (about 2.7 MB of JSON).
  bodyLimitBytes: 4 * 1024 * 1024,
  textBodies: { types: ['text/csv'], limitBytes: 50 * 1024 * 1024 },
  // The morning rush: every employee checks in within about an hour.
  replicas: 3,
  workerReplicas: 1,
  // Selfies and request attachments.
  storesFiles: true,
  env: {
    UTC_OFFSET_MINUTES: { description: 'Local time of the province in minutes east of UTC (WITA)', value: '480' },
    UPLOAD_MAX_BYTES: { description: 'Largest selfie or attachment after base64 decoding', value: '2097152' },
    WIFI_MAX_CREDIT_METERS: { description: 'How much of a weak GPS fix an office BSSID may settle', value: '100' },
  },
  produces: ['kmob.attendance.v1', 'kmob.discipline.v1', 'kmob.calendar.v1'],
  consumes: ['siap.employee.v1', 'siap.organization.v1'],
});
