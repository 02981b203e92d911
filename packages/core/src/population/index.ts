/** Population projection: the IPSS municipal method and the cohort-component method, with scenarios. */
export * from './age-groups';
export * from './compile-spec';
export * from './compiled';
export * from './kernel';
export * from './population-problems';
export * from './project';
export * from './summaries';
export * from './types';
