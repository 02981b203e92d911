/** Indices into the Int32Array shared by the bench's main thread and its workers (see worker.ts). */
/** Workers done simulating in this run. */
export const DONE = 0;
/** The last run whose simulation is complete (the barrier). */
export const RUN = 1;
/** The next chunk of trajectories, and of series, to take (reset by the main thread before a run). */
export const NEXT_T = 2;
export const NEXT_S = 3;
export const CONTROL_LENGTH = 4;
