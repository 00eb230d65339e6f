// Helpers for the `npm run bench:*` scripts; bare-fastify-server.ts is a process entry, not exported.
export * from './bare-http';
export * from './broker-process';
export * from './event-calibration';
export * from './http-load';
export * from './pg-calibration';
export * from './table';
export * from './bench-sessions';
export * from './count-events';
export * from './cpu-meter';
