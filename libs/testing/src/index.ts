export * from './databases';
export * from './embedded-postgres';
export * from './wait';
export * from './redis-server';
export * from './percentile';
export * from './service-process';
export * from './bench';
export * from './test-service';
