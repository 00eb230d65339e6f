export * from './job.types';
export * from './job-store';
export * from './job-runner';
export * from './job.migration';
export * from './jobs.controller';
export * from './job.responses';
export * from './legacy-import-jobs';
export * from './month-close-job';
