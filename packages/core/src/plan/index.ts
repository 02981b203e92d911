export * from './plan-problems';
export * from './plan-tree';
export type * from './plan-types';
export * from './validate-plan-rules';
