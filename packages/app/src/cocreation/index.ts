export * from './cocreation-problems';
export * from './follow-use-cases';
export * from './partner-use-cases';
export * from './plan-items';
export * from './report-use-cases';
export * from './voice-use-cases';
