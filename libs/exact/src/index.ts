export * from './fraction';
