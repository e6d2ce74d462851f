/** The application report: its input, its figures and its HTML and JSON renderers. */

export type {
  Answer,
  ApplicationReportInput,
  EnvironmentMetric,
  QuestionnaireEntry,
  ServerReportInput,
} from "./input.js";
export type {
  ApplicationEffort,
  ApplicationReport,
  Blocker,
  CategoryCounts,
  CategoryShares,
  Compatibility,
  DatabaseRollup,
  FeatureEffortRollup,
  Figures,
  ServerRollup,
} from "./model.js";
export { buildApplicationReport } from "./aggregate.js";
export type { Category } from "./categories.js";
export { categoryOfStatus, partOfType } from "./categories.js";
export { AGENT_DATABASE, SERVER_LEVEL_DATABASE } from "./databases.js";
export { renderApplicationHtml } from "./html.js";
export { REPORT_FORMAT_VERSION, renderApplicationJson } from "./json.js";
