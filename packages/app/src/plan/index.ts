export * from './current-plan-read';
export * from './load-plan';
export * from './plan-schema';
export * from './plan-use-cases';
export * from './seed-default-plan';
export * from './serialize-plan';
export * from './starter-plan';
