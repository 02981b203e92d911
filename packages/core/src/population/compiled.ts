/**
 * The compiled form of a validated spec: typed arrays per period, both sexes
 * in one Float64Array (males at 0..n-1, females at n..2n-1). The kernels,
 * scenarios, back-casting and Monte Carlo work on this form.
 */
import type { AgeGroupLayout } from './age-groups';
import type { MigrationTiming, PopulationSpec, ProjectionMethod } from './types';

export interface CompiledPeriod {
  /** End year of the 5-year period. */
  endYear: number;
  /** Survival ratio into the next group (last index: the open group staying), both sexes. */
  survival: Float64Array;
  /** ipss: net migration rate by group at the start (0 under ccmpp). */
  migrationRate: Float64Array;
  /** Net migrant counts over the period by group at the start (ccmpp netMigrants + addedMigrants). */
  migrants: Float64Array;
  /** ipss: child-woman ratio at the period's end, and 0-4 sex ratio (males per female). */
  cwr: number;
  sexRatio0to4: number;
  /** ccmpp: births per woman per year by mother's group, sex ratio at birth, survival of births to 0-4. */
  asfr: Float64Array;
  srb: number;
  birthSurvivalMale: number;
  birthSurvivalFemale: number;
  /** The TFR the fertility inputs correspond to, when the spec states it. */
  tfr: number | undefined;
}

export interface CompiledSpec {
  spec: PopulationSpec;
  area: string;
  method: ProjectionMethod;
  timing: MigrationTiming;
  layout: AgeGroupLayout;
  n: number;
  baseYear: number;
  /** Projection years (the period ends), without the base year. */
  years: number[];
  base: Float64Array;
  periods: CompiledPeriod[];
}

/** A deep copy of the periods so that a scenario can change them freely. */
export function cloneCompiled(c: CompiledSpec): CompiledSpec {
  return {
    ...c,
    base: c.base.slice(),
    periods: c.periods.map((p) => ({
      ...p,
      survival: p.survival.slice(),
      migrationRate: p.migrationRate.slice(),
      migrants: p.migrants.slice(),
      asfr: p.asfr.slice(),
    })),
  };
}
