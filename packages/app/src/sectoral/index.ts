export * from './sectoral-plan-schema';
export * from './sectoral-plan-use-cases';
