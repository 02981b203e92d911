export * from './cocreation-terms';
export * from './file-sniff';
export * from './report-input';
export * from './voice-checks';
export * from './workshop-terms';
