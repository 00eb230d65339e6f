export * from './bootstrap';
export * from './config';
export * from './errors';
export * from './logger';
export * from './platform.module';
export * from './request-context';
export * from './validation';
export * from './prepared-query';
