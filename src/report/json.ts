/**
 * Renders `assessment.json`. The layout keeps large files usable with line
 * tools: the header and summary are indented, and each finding, parse
 * error, object, unit and skipped input is one compact object on its own
 * line. Fields come out in a fixed order and only the fields of the
 * contract are written, so the output always matches
 * schema/assessment.schema.json whatever the object carries.
 */

import type {
  AssessedObject,
  AssessedUnit,
  Assessment,
  AssessmentSummary,
  Finding,
  ParseErrorRecord,
  SkippedInput,
} from "../assessment/model.js";
import { FINDING_STATUSES } from "../assessment/model.js";

/** Renders the text of `assessment.json`, ending in a newline. */
export function renderJson(a: Assessment): string {
  const summaryText = JSON.stringify(summaryRecord(a.summary), null, 2);
  const members = [
    member("id", JSON.stringify(a.id)),
    member("startedAt", JSON.stringify(a.startedAt)),
    member("infioVersion", JSON.stringify(a.infioVersion)),
    member("target", JSON.stringify(a.target)),
    member("sources", JSON.stringify(a.sources)),
    member("summary", indentNested(summaryText)),
    member("units", recordLines(a.units.map(unitRecord))),
    member("objects", recordLines(a.objects.map(objectRecord))),
    member("findings", recordLines(a.findings.map(findingRecord))),
    member("parseErrors", recordLines(a.parseErrors.map(parseErrorRecord))),
    member("skipped", recordLines(a.skipped.map(skippedRecord))),
  ];

  return `{\n${members.join(",\n")}\n}\n`;
}

function member(name: string, valueText: string): string {
  return `  ${JSON.stringify(name)}: ${valueText}`;
}

function indentNested(text: string): string {
  return text.replace(/\n/g, "\n  ");
}

function recordLines(records: readonly object[]): string {
  if (records.length === 0) {
    return "[]";
  }

  const lines = records.map((record) => `    ${JSON.stringify(record)}`);
  return `[\n${lines.join(",\n")}\n  ]`;
}

function summaryRecord(s: AssessmentSummary): object {
  // Every status key is written, with 0 when the summary lacks it, because
  // consumers index the object by status without checking.
  const findingsByStatus: Record<string, number> = {};
  for (const status of FINDING_STATUSES) {
    findingsByStatus[status] = s.findingsByStatus[status] ?? 0;
  }

  return {
    files: s.files,
    lines: s.lines,
    bytes: s.bytes,
    batches: s.batches,
    batchesWithErrors: s.batchesWithErrors,
    statements: s.statements,
    findingsByStatus,
    objectsByType: { ...s.objectsByType },
    effort: { low: s.effort.low, high: s.effort.high },
    elapsedMs: s.elapsedMs,
  };
}

function unitRecord(u: AssessedUnit): object {
  return {
    file: u.file,
    encoding: u.encoding,
    lines: u.lines,
    bytes: u.bytes,
    batches: u.batches,
    batchesWithErrors: u.batchesWithErrors,
    statements: u.statements,
  };
}

function objectRecord(o: AssessedObject): object {
  return {
    name: o.name,
    type: o.type,
    file: o.file,
    line: o.line,
    lines: o.lines,
  };
}

function findingRecord(f: Finding): object {
  return {
    featureId: f.featureId,
    status: f.status,
    file: f.file,
    line: f.line,
    column: f.column,
    object: f.object,
    message: f.message,
    ...(f.detail === undefined ? {} : { detail: f.detail }),
    ...(f.complexity === undefined ? {} : { complexity: f.complexity }),
  };
}

function parseErrorRecord(e: ParseErrorRecord): object {
  return {
    file: e.file,
    line: e.line,
    column: e.column,
    message: e.message,
    ...(e.code === undefined ? {} : { code: e.code }),
  };
}

function skippedRecord(s: SkippedInput): object {
  return { file: s.file, reason: s.reason, message: s.message };
}
