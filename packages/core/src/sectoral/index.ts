export * from './alignment-check';
export * from './alignment-problems';
export * from './sectoral-plan-types';
