/** One finding of the data check: names the file and, where it applies, the feature and field. */
export interface CheckFinding {
  level: 'error' | 'warning' | 'info';
  file: string;
  featureId?: string;
  field?: string;
  message: string;
}

/** A data-check module: reads files under `geodataDir` and reports what is wrong (or notable). */
export type DataCheck = (geodataDir: string) => CheckFinding[] | Promise<CheckFinding[]>;
