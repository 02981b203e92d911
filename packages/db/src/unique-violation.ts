/** A write refused by a unique constraint (SQLSTATE 23505): on both PGlite and PostgreSQL, two writers raced. */
export const isUniqueViolation = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && 'code' in e && (e as { code: unknown }).code === '23505';
