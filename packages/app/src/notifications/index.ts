export * from './notification-use-cases';
