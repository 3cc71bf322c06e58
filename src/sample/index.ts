// src/sample — a deterministic synthetic receivables workbook (invoice register + payments) for demos and tests.
export {
  SAMPLE_DEFAULT_INVOICES,
  SAMPLE_DEFAULT_SEED,
  SAMPLE_END_DAY,
  SAMPLE_HISTORY_DAYS,
  generateSample,
  generateSampleWithFacts,
  sampleFacts,
} from "./generateSample";
export type { SampleBadRow, SampleFacts, SampleOptions, SampleProblem } from "./generateSample";
