/**
 * Sectoral plans (個別計画): the department plans that must be drawn up in
 * line with the comprehensive plan, each linked to the fields, measures and
 * indicators it serves.
 */
import type { IndicatorDirection } from '../indicators/indicator-types';
import type { Text } from '../plan/plan-types';

/** An indicator the sectoral plan sets itself, optionally the same concept as one of the plan's. */
export interface SectoralIndicator {
  /** The sectoral plan's own name for it. */
  name: Text;
  /** The comprehensive plan's indicator measuring the same concept, if any. */
  sameAs?: string;
  direction: IndicatorDirection;
  target?: { fiscalYear: number; value: number };
}

export interface SectoralPlan {
  code: string;
  name: Text;
  department: string;
  startFiscalYear: number;
  endFiscalYear: number;
  /** The law or ordinance that requires or enables it (e.g. 子ども・子育て支援法第61条). */
  legalBasis?: Text;
  /** Where the document is published (a URL or a document number). */
  documentUrl?: string;
  fields: string[];
  measures: string[];
  indicators: SectoralIndicator[];
  status: 'draft' | 'published';
  sample?: boolean;
}
