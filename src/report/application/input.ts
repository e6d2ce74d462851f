/**
 * The input of the application report. The caller gathers it from the
 * store or anywhere else, and the renderers read nothing but this.
 */

import type { Assessment } from "../../assessment/model.js";

/** An answer to a yes-or-no question of the questionnaire. */
export type Answer = "yes" | "no" | "unknown";

/**
 * One entry of the application's questionnaire. `question` is the text
 * shown in the report, and `id` identifies the question for the roll-ups.
 */
export type QuestionnaireEntry =
  | {
      /** Whether the application is a third-party or commercial product. */
      readonly id: "thirdPartyProduct";
      readonly question: string;
      readonly answer: Answer;
    }
  | {
      /** Whether the application's database code may be changed. */
      readonly id: "codeMayBeChanged";
      readonly question: string;
      readonly answer: Answer;
    }
  | {
      readonly id: "notes";
      readonly question: string;
      readonly answer: string;
    };

/** One environment metric, such as CPU cores or storage. */
export interface EnvironmentMetric {
  readonly name: string;
  readonly value: number | string;
  /** `GB`, `cores`, ...; absent for plain counts. */
  readonly unit?: string;
  /** `inventory` when read from a live server, `manual` when typed in. */
  readonly origin: "inventory" | "manual";
}

/** One server of the application, with its latest assessment. */
export interface ServerReportInput {
  readonly name: string;
  readonly environment: "production" | "non-production";
  /** `live` for a SQL Server read over TDS, `scripts` for a script folder. */
  readonly source: "live" | "scripts";
  /** The latest assessment of this server; absent when there is none. */
  readonly assessment?: Assessment;
  /** Reason there is no assessment, shown in the report; used only when `assessment` is absent. */
  readonly problem?: string;
}

export interface ApplicationReportInput {
  readonly companyName: string;
  readonly applicationName: string;
  /** The target the report is for, for example `babelfish@5.5`. */
  readonly target: string;
  /** ISO 8601 time the report was generated. */
  readonly generatedAt: string;
  readonly questionnaire: readonly QuestionnaireEntry[];
  readonly metrics: readonly EnvironmentMetric[];
  readonly servers: readonly ServerReportInput[];
}
