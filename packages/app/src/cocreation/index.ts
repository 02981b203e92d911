export * from './cocreation-problems';
export * from './follow-use-cases';
export * from './partner-use-cases';
export * from './plan-items';
export * from './relationship-population';
export * from './report-use-cases';
export * from './voice-use-cases';
export * from './workshop-use-cases';
