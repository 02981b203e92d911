/** The static list of command modules; each registers its commands on the program. */
import type { Command } from 'commander';
import { registerCalendar } from './calendar';
import { registerIndicators } from './indicators';
import { registerPlan } from './plan';
import { registerPopulation } from './population';
import { registerServe } from './serve';
import { registerSurvey } from './survey';
import { registerSurveyWaves } from './survey-waves';

export type RegisterCommand = (program: Command) => void;

export const commandModules: RegisterCommand[] = [
  registerServe,
  registerPlan,
  registerCalendar,
  registerIndicators,
  registerSurvey,
  registerSurveyWaves,
  registerPopulation,
];
