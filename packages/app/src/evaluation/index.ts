/** The yearly evaluation cycle: rounds, sheets, workflow, comments, theory check, medium-term review, Excel and CSV. */
export * from './evaluation-actor';
export * from './evaluation-app-problems';
export * from './evaluation-figures';
export * from './next-phase-plan';
export * from './plan-sources';
export * from './review-use-cases';
export * from './round-context';
export * from './round-csv';
export * from './round-use-cases';
export * from './sheet-checks';
export * from './sheet-comments';
export * from './sheet-use-cases';
export * from './testing/complete-round';
export * from './testing/evaluation-fixture';
export * from './xlsx/export-workbook';
export * from './xlsx/import-workbook';
export * from './xlsx/xlsx-problems';
