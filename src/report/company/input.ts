/** The input of the company report: every application's report input. */

import type { ApplicationReportInput } from "../application/input.js";

export interface CompanyReportInput {
  readonly companyName: string;
  /** ISO 8601 time the report was generated. */
  readonly generatedAt: string;
  /** The target the report is for, for example `babelfish@5.5`. */
  readonly target: string;
  readonly applications: readonly ApplicationReportInput[];
}
