/** Population projection: the IPSS municipal method and the cohort-component method, with scenarios. */
export * from './age-groups';
export * from './backcast';
export * from './compile-spec';
export * from './compiled';
export * from './derive';
export * from './districts';
export * from './kernel';
export * from './life-table';
export * from './population-problems';
export * from './project';
export * from './scenarios';
export * from './series';
export * from './summaries';
export * from './types';
