/**
 * What the survey commands take from the application beyond the column reader, loaded only by the
 * actions that need it, so `mirai survey estimate` on a CSV loads neither Excel nor the database.
 * Named imports (never `import('@mirai/app')` whole) let the build keep only what is used.
 */
export {
  importSurveyWave,
  listSurveyWaves,
  parseWaveDescription,
  publishSurveyWave,
  readTableFile,
  recordWaveAsIndicatorActual,
  surveyWaveTable,
} from '@mirai/app';
export { withApp } from '../app-options';
