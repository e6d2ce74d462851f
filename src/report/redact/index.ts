/**
 * Redaction of reports for sharing: `redactAssessment` returns a copy of
 * an assessment and of its source texts with names and code replaced by
 * pseudonyms. Render the copy with any report format.
 */

export { redactAssessment } from "./redact-assessment.js";
export type { RedactOptions, RedactResult } from "./redact-assessment.js";
export type { PseudonymEntry } from "./registry.js";
export type { NameKind, PathKind } from "./kinds.js";
export { REDACTED_TEXT } from "./inventory-rules.js";
