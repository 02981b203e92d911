/** @mirai/db: schema, migrations, repositories, and the database factory. */
export * from './audit';
export * from './create-database';
export * from './migrations';
export * from './pglite-template';
export type * from './repositories/cocreation.repository';
export * from './repositories/evaluation.repository';
export * from './repositories/indicator.repository';
export * from './repositories/job.repository';
export * from './repositories/mail.repository';
export * from './repositories/notification.repository';
export * from './repositories/plan.repository';
export * from './repositories/population.repository';
export * from './repositories/sectoral-plan.repository';
export * from './repositories/session.repository';
export * from './repositories/survey.repository';
export * from './repositories/token.repository';
export * from './repositories/user.repository';
export type * from './schema';
