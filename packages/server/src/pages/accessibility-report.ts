/**
 * The results of the project's own axe-core runs, shown on /accessibility.
 * e2e/accessibility.test.ts writes docs/accessibility/axe-results.json; it is
 * imported here, so it is part of what the server loads at start (like its
 * code), never read from the repository while answering (decision 0112).
 */
import type { AxeReport } from '@mirai/web';
import results from '../../../../docs/accessibility/axe-results.json';

export const accessibilityReport: AxeReport | null = (results as { runs?: unknown[] }).runs?.length
  ? (results as unknown as AxeReport)
  : null;
