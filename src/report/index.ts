/**
 * The report formats. Each renders an `Assessment` to the text of one
 * output file; JSON, CSV and SARIF also render as parts, so that large
 * files can be streamed. docs/output.md describes the contents of each.
 */

export { renderCsv, csvParts, CSV_COLUMNS } from "./csv.js";
export type { FeatureInfo, FeatureLookup } from "./features.js";
export { renderHtml } from "./html/page.js";
export type { HtmlOptions } from "./html/page.js";
export { DEFAULT_HTML_LIMITS } from "./html/limits.js";
export type { HtmlLimits } from "./html/limits.js";
export { jsonParts, renderJson } from "./json.js";
export { renderSarif, sarifLevel, sarifParts } from "./sarif.js";
export type { SarifOptions } from "./sarif.js";
export { PARSE_ERROR_RULE_ID } from "./sarif-rules.js";
