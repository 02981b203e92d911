export * from './backup-format';
export * from './backup-problems';
export * from './backup-use-cases';
export * from './restore-use-cases';
