/** Background jobs: the queue interface, its two implementations, reading a job. */
export * from './create-job-queue';
export * from './in-process-queue';
export * from './job-problems';
export * from './job-queue';
export * from './job-use-cases';
export * from './pg-boss-queue';
