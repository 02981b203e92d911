/**
 * The population spec format, version 1 (the input of a projection), and the
 * projection output. Every rate may be constant or keyed by the end year of a
 * 5-year period ("2020" = the period 2015→2020).
 */

/** One value per age group for each sex. */
export interface BySex<T = number[]> {
  male: T;
  female: T;
}

/** A value that is either constant or given per period, keyed by the period's end year. */
export type PerPeriod<T> = T | Record<string, T>;

export type ProjectionMethod = 'ipss' | 'ccmpp';
export type MigrationTiming = 'even' | 'end';

/** Where a spec or a series came from; kept with it when stored. */
export interface Provenance {
  source: string;
  note?: string;
  url?: string;
  licence?: string;
}

export interface PopulationSpec {
  specVersion: 1;
  ageGroups: string[];
  baseYear: number;
  years: number[];
  population: BySex;
  method: ProjectionMethod;
  // ipss: index i < n-1 is the passage from group i to i+1 over 5 years; index n-1 is the open group staying.
  survival?: PerPeriod<BySex>;
  netMigrationRate?: PerPeriod<BySex>;
  childWomanRatio?: PerPeriod<number>;
  sexRatio0to4?: PerPeriod<number>;
  // ccmpp: nLx with the open group's T last; l0 the radix; asfr per woman per year; srb males per female.
  nLx?: PerPeriod<BySex>;
  l0?: number;
  asfr?: PerPeriod<number[]>;
  srb?: PerPeriod<number>;
  netMigrants?: PerPeriod<BySex>;
  migrationTiming?: MigrationTiming;
  // Compatible extensions of version 1.
  /** ccmpp given survival ratios instead of nLx: survival of births to ages 0-4 (5L0 / 5·l0). */
  birthSurvival?: PerPeriod<BySex<number>>;
  /** Extra net migrants per period by group at the start (counts), added under either method. */
  addedMigrants?: PerPeriod<BySex>;
  /** The total fertility rate the fertility inputs correspond to (used by TFR scenarios and the tfr lever). */
  tfr?: PerPeriod<number>;
  /** Name of the area (for messages and output). */
  area?: string;
  /** True when the data are illustrative, not real. */
  sample?: boolean;
  provenance?: Provenance;
}

export interface ThreeGroups {
  '0-14': number;
  '15-64': number;
  '65+': number;
}

export interface DependencyRatios {
  /** (0-14) / (15-64) × 100 */
  youth: number;
  /** (65+) / (15-64) × 100 */
  oldAge: number;
  total: number;
}

/** Output of a projection: unrounded; years include the base year. */
export interface Projection {
  area?: string;
  sample?: boolean;
  provenance?: Provenance;
  ageGroups: string[];
  years: number[];
  population: Record<string, BySex>;
  total: Record<string, number>;
  ageGroups3: Record<string, ThreeGroups>;
  dependencyRatios: Record<string, DependencyRatios>;
  /** Every calendar year from the base year to the last, linear between the 5-year points. */
  annualTotal: Record<string, number>;
}
