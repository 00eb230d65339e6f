export * from './read-model.migration';
export * from './siap-projection';
export * from './siap-scope';
export * from './siap-read-model.module';
