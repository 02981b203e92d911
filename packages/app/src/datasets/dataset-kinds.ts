/**
 * The kinds of statistical data set and the columns each must have, so that a
 * stored table can be read back by the population engine and the pages.
 */
export const datasetKinds = {
  /** Census by sex and five-year age group: municipality_code, year, sex, age_group, population. */
  'census-sex-age5': ['municipality_code', 'year', 'sex', 'age_group', 'population'],
  /** A projection by sex and five-year age group (IPSS), same columns as the census. */
  'projection-sex-age5': ['municipality_code', 'year', 'sex', 'age_group', 'population'],
  /** A projection in three age groups (IPSS), one row per area and year. */
  'projection-age3': ['area_code', 'year', 'total', 'age_0_14', 'age_15_64', 'age_65_plus'],
  /** Named population series (the plan's baseline and target), one row per series and year. */
  'population-series': ['series', 'name_ja', 'kind', 'source', 'year', 'total'],
  /** Districts by sex and five-year age group. */
  'districts-sex-age5': ['district_code', 'district', 'year', 'sex', 'age_group', 'population'],
  /** A published table of answer shares (0–10) by group, with its published mean. */
  'happiness-shares': ['group', '0', '10'],
} as const;

export type DatasetKind = keyof typeof datasetKinds;

export const isDatasetKind = (k: string): k is DatasetKind => Object.hasOwn(datasetKinds, k);
