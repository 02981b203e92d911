export * from './population-problems';
export * from './population-use-cases';
