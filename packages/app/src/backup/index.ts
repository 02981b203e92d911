export * from './backup-format';
export * from './backup-problems';
export * from './backup-use-cases';
