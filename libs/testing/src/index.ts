export * from './databases';
export * from './embedded-postgres';
