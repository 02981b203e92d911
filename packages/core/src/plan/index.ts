export * from './normalize-plan';
export * from './plan-levels';
export * from './plan-problems';
export * from './plan-tree';
export type * from './plan-types';
export * from './validate-plan-rules';
