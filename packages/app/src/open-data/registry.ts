/**
 * The one registration point of open datasets. Every dataset listed here is in
 * the catalogue page, `/open-data/catalog.jsonld`, the CKAN action API and gets
 * its CSV and JSON files. To publish another: write a `defineDataset({...})`
 * (or a `defineDatasetFamily` for datasets known only from the database) next
 * to the read model it comes from, and add it below (docs/architecture.md).
 */
import { areasDataset, areaValuesDataset, brandLinksDataset, sectoralPlansDataset } from './area-datasets';
import { partnerReportsDataset, workshopsDataset } from './cocreation-datasets';
import type { DatasetRegistration } from './dataset-definition';
import { indicatorTargetsDataset, planStructureDataset } from './plan-datasets';
import { populationProjectionsDataset, statisticalDatasets } from './population-datasets';
import { evaluationResultsDataset, indicatorActualsDataset, surveyTablesDataset } from './result-datasets';

export const openDatasets: readonly DatasetRegistration[] = [
  planStructureDataset,
  indicatorTargetsDataset,
  indicatorActualsDataset,
  evaluationResultsDataset,
  surveyTablesDataset,
  populationProjectionsDataset,
  partnerReportsDataset,
  workshopsDataset,
  statisticalDatasets,
  areasDataset,
  areaValuesDataset,
  brandLinksDataset,
  sectoralPlansDataset,
];
