export * from './identity';
export * from './identity.guard';
export * from './internal-token';
export * from './scope';
export * from './access-tokens';
