/**
 * What a calibration leaves behind for variance estimation: the groups and the
 * weights before and after, exactly what R's `survey` keeps in `postStrata`.
 */

/** Post-stratification on one factor (cells coded 0..nGroups-1). */
export interface PostStratStep {
  readonly kind: 'poststratify';
  readonly group: Int32Array;
  readonly nGroups: number;
  readonly oldWeights: Float64Array;
  readonly weights: Float64Array;
}

/** One margin of a raking: its group per respondent. */
export interface RakingMargin {
  readonly group: Int32Array;
  readonly nGroups: number;
}

/**
 * A raking, summarised on the crossed cells of its margins: every adjustment
 * multiplies all weights in a cell by the same factor, so the weights after
 * margin m's last adjustment are start[i] · cellFactors[m][cell[i]].
 */
export interface RakingStep {
  readonly kind: 'raking';
  readonly margins: readonly RakingMargin[];
  readonly cell: Int32Array;
  readonly nCells: number;
  /** Weights before raking. */
  readonly start: Float64Array;
  /** Per margin, the cumulative factor per cell after that margin's adjustment in the last sweep. */
  readonly cellFactors: readonly Float64Array[];
  /** Per margin, the margin's group of each cell. */
  readonly cellGroups: readonly Int32Array[];
}

/**
 * Linear (GREG) calibration on a model matrix, as survey's regcalibrate: the
 * variance residualises x/(g·√w) on the columns scaled by √w, times g·√w.
 */
export interface LinearCalibrationStep {
  readonly kind: 'linear';
  /** Model-matrix columns (length n each). */
  readonly columns: readonly Float64Array[];
  /** √ of the weights before calibration. */
  readonly sqrtWeights: Float64Array;
  /** The g-weights: new weight = old weight · g. */
  readonly g: Float64Array;
}

export type CalibrationStep = PostStratStep | RakingStep | LinearCalibrationStep;
