export * from './area-boundaries';
export * from './area-happiness';
export * from './area-problems';
export * from './area-view';
