export * from './notification-use-cases';
export * from './reminder-job';
