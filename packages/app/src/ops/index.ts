export * from './database-unavailable';
export * from './logger';
export * from './operational-counts';
export * from './readiness';
