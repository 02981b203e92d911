export * from './area-problems';
export * from './area-view';
