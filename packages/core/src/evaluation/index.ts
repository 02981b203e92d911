/** The yearly evaluation cycle: rounds, sheets, workflow, theory-of-change check, medium-term review. */
export * from './evaluation-problems';
export * from './local-date';
export * from './roles';
export * from './round';
export * from './round-schedule';
export * from './round-state';
export * from './sheet-edit';
export * from './sheet-workflow';
export * from './version';
