export * from './event-definition';
export * from './events/siap-common.schema';
export * from './events/siap-employee.v1';
export * from './events/siap-organization.v1';
export * from './registry';
export * from './validator';
export * from './asyncapi';
