/** The static list of command modules; each registers its commands on the program. */
import type { Command } from 'commander';
import { registerAreas } from './areas';
import { registerAudit } from './audit';
import { registerBackup } from './backup';
import { registerCalendar } from './calendar';
import { registerEvaluation } from './evaluation';
import { registerIndicators } from './indicators';
import { registerPartners } from './partners';
import { registerPlan } from './plan';
import { registerPopulation } from './population';
import { registerPopulationData } from './population-data';
import { registerPopulationScenarios } from './population-scenarios';
import { registerReport } from './report';
import { registerServe } from './serve';
import { registerSurvey } from './survey';
import { registerSurveyWaves } from './survey-waves';
import { registerTokens } from './tokens';
import { registerUsers } from './users';

export type RegisterCommand = (program: Command) => void;

export const commandModules: RegisterCommand[] = [
  registerServe,
  registerPlan,
  registerCalendar,
  registerAreas,
  registerIndicators,
  registerEvaluation,
  registerReport,
  registerSurvey,
  registerSurveyWaves,
  registerPopulation,
  registerPopulationScenarios,
  registerPopulationData,
  registerUsers,
  registerTokens,
  registerPartners,
  registerAudit,
  registerBackup,
];
