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

/** One margin of a raking, with the weights after its last adjustment. */
export interface RakingMargin {
  readonly group: Int32Array;
  readonly nGroups: number;
  readonly weights: Float64Array;
}

export interface RakingStep {
  readonly kind: 'raking';
  readonly margins: readonly RakingMargin[];
}

export type CalibrationStep = PostStratStep | RakingStep;
