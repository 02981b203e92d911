export * from './import-survey-wave';
export * from './import-wave-job';
export * from './survey-wave-problems';
export * from './wave-description';
export * from './wave-estimates';
