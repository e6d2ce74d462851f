/**
 * Renders `assessment.json`. The layout keeps large files usable with line
 * tools: the header and summary are indented, and each finding, parse
 * error, object, unit, skipped input, inventory item, collection problem,
 * workload capture and workload statement is one compact object on its
 * own line. Fields come out in a fixed order and only the fields of the
 * contract are written, so the output always matches
 * schema/assessment.schema.json whatever the object carries.
 */

import type {
  AssessedObject,
  AssessedUnit,
  Assessment,
  AssessmentSummary,
  Finding,
  LiveSource,
  ParseErrorRecord,
  SkippedInput,
} from "../assessment/model.js";
import { FINDING_STATUSES } from "../assessment/model.js";
import type { WorkloadCapture, WorkloadSource, WorkloadStatement } from "../sources/workload/model.js";
import { executionsByUnit } from "./workload-counts.js";
import { costRecord } from "./json-cost.js";
import { appCodeMember } from "./json-app-code.js";
import { readinessMember } from "./json-readiness.js";
import { dependenciesMember } from "./json-dependencies.js";
import {
  comparisonRecord,
  effortHeadRecord,
  featureComparisonRecord,
  featureEffortRecord,
  fileEffortRecord,
  inventoryItemText,
  objectEffortRecord,
  objectTypeEffortRecord,
  overridesRecord,
  problemRecord,
  serverRecord,
} from "./json-details.js";

/** Renders the text of `assessment.json`, ending in a newline. */
export function renderJson(a: Assessment): string {
  return [...jsonParts(a)].join("");
}

/**
 * Yields the text of `assessment.json` in parts, one record at a time, so
 * that a writer can stream a file of any size; the parts joined are the
 * text of {@link renderJson}.
 */
export function* jsonParts(a: Assessment): Generator<string> {
  const summaryText = JSON.stringify(summaryRecord(a.summary), null, 2);
  yield "{\n";
  yield member("id", JSON.stringify(a.id)) + ",\n";
  yield member("startedAt", JSON.stringify(a.startedAt)) + ",\n";
  yield member("infioVersion", JSON.stringify(a.infioVersion)) + ",\n";
  yield member("target", JSON.stringify(a.target)) + ",\n";
  yield member("sources", JSON.stringify(a.sources)) + ",\n";
  yield member("summary", indentNested(summaryText)) + ",\n";
  yield* detailMembers(a);
  yield* recordLines("units", a.units, unitRecord);
  yield ",\n";
  yield* recordLines("objects", a.objects, objectRecord);
  yield ",\n";
  const executions = executionsByUnit(a);
  yield* recordLines("findings", a.findings, (f) => findingText(f, executions?.get(f.file)));
  yield ",\n";
  yield* recordLines("parseErrors", a.parseErrors, parseErrorRecord);
  yield ",\n";
  yield* recordLines("skipped", a.skipped, skippedRecord);
  yield "\n}\n";
}

/**
 * Yields `overrides`, `effort`, `comparison`, `live`, `workload`, `cost`, `applicationCode` and `readiness` when
 * the assessment has them, each followed by a comma. Their lists have a record per line, as
 * the top-level lists do, because the effort by object can be long.
 */
function* detailMembers(a: Assessment): Generator<string> {
  if (a.overrides !== undefined) {
    const text = JSON.stringify(overridesRecord(a.overrides), null, 2);
    yield member("overrides", indentNested(text)) + ",\n";
  }

  if (a.effort !== undefined) {
    const e = a.effort;
    yield member("effort", "{\n");
    for (const [name, value] of Object.entries(effortHeadRecord(e))) {
      yield member(name, JSON.stringify(value), 2) + ",\n";
    }
    yield* recordLines("byFeature", e.byFeature, featureEffortRecord, 2);
    yield ",\n";
    yield* recordLines("byObject", e.byObject, objectEffortRecord, 2);
    yield ",\n";
    yield* recordLines("byFile", e.byFile, fileEffortRecord, 2);
    yield ",\n";
    yield* recordLines("byObjectType", e.byObjectType, objectTypeEffortRecord, 2);
    yield "\n  },\n";
  }

  if (a.comparison !== undefined) {
    const c = a.comparison;
    yield member("comparison", "{\n");
    for (const [name, value] of Object.entries(comparisonRecord(c))) {
      yield member(name, JSON.stringify(value), 2) + ",\n";
    }
    yield* recordLines("unblocked", c.unblocked, featureComparisonRecord, 2);
    yield ",\n";
    yield* recordLines("stillBlocking", c.stillBlocking, featureComparisonRecord, 2);
    yield ",\n";
    yield* recordLines("regressed", c.regressed, featureComparisonRecord, 2);
    yield ",\n";
    yield* recordLines("changed", c.changed, featureComparisonRecord, 2);
    yield "\n  },\n";
  }

  if (a.live !== undefined) {
    yield* liveMember(a.live);
  }

  if (a.workload !== undefined) {
    yield* workloadMember(a.workload);
  }

  if (a.cost !== undefined) {
    yield member("cost", indentNested(JSON.stringify(costRecord(a.cost), null, 2))) + ",\n";
  }

  if (a.applicationCode !== undefined) {
    yield* appCodeMember(a.applicationCode);
  }

  if (a.readiness !== undefined) {
    yield* readinessMember(a.readiness);
  }

  if (a.dependencies !== undefined) {
    yield* dependenciesMember(a.dependencies);
  }
}

/** Yields `workload`: its captures and its statements, a record per line. */
function* workloadMember(workload: WorkloadSource): Generator<string> {
  yield member("workload", "{\n");
  yield* recordLines("captures", workload.captures, captureRecord, 2);
  yield ",\n";
  yield* recordLines("statements", workload.statements, statementRecord, 2);
  yield "\n  },\n";
}

function captureRecord(c: WorkloadCapture): object {
  return {
    file: c.file,
    format: c.format,
    bytes: c.bytes,
    events: c.events,
    statementEvents: c.statementEvents,
    ignored: { ...c.ignored },
    ...(c.firstEvent === undefined ? {} : { firstEvent: c.firstEvent }),
    ...(c.lastEvent === undefined ? {} : { lastEvent: c.lastEvent }),
    warnings: [...c.warnings],
  };
}

function statementRecord(s: WorkloadStatement): object {
  return {
    file: s.file,
    hash: s.hash,
    text: s.text,
    executions: s.executions,
    ...(s.firstSeen === undefined ? {} : { firstSeen: s.firstSeen }),
    ...(s.lastSeen === undefined ? {} : { lastSeen: s.lastSeen }),
    databases: [...s.databases],
    applications: [...s.applications],
    logins: [...s.logins],
    events: { ...s.events },
    ...(s.calledThrough === undefined ? {} : { calledThrough: s.calledThrough }),
  };
}

/**
 * Yields `live`: the server header on one line, each inventory part as an
 * array with an item per line, and the problems a line each. Items are
 * copied with all their fields, because each part has its own.
 */
function* liveMember(live: LiveSource): Generator<string> {
  yield member("live", "{\n");
  yield member("server", JSON.stringify(serverRecord(live.server)), 2) + ",\n";

  const parts = Object.entries(live.inventory);
  if (parts.length === 0) {
    yield member("inventory", "{},\n", 2);
  } else {
    yield member("inventory", "{\n", 2);
    let first = true;
    for (const [name, items] of parts) {
      if (!first) {
        yield ",\n";
      }
      yield* recordLines(name, items, inventoryItemText, 3);
      first = false;
    }
    yield "\n    },\n";
  }

  yield* recordLines("problems", live.problems, problemRecord, 2);
  yield "\n  },\n";
}

/** Returns `"name": value` indented by `depth` levels of two spaces. */
function member(name: string, valueText: string, depth = 1): string {
  return `${"  ".repeat(depth)}${JSON.stringify(name)}: ${valueText}`;
}

function indentNested(text: string): string {
  return text.replace(/\n/g, "\n  ");
}

/**
 * Yields one array member at `depth`, a record per line; `record` gives an
 * object or its JSON text.
 */
function* recordLines<T>(
  name: string,
  items: readonly T[],
  record: (item: T) => object | string,
  depth = 1,
): Generator<string> {
  if (items.length === 0) {
    yield member(name, "[]", depth);
    return;
  }

  const indent = "  ".repeat(depth + 1);
  yield member(name, "[\n", depth);
  let first = true;
  for (const item of items) {
    const value = record(item);
    const text = typeof value === "string" ? value : JSON.stringify(value);
    yield first ? `${indent}${text}` : `,\n${indent}${text}`;
    first = false;
  }
  yield `\n${"  ".repeat(depth)}]`;
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

/**
 * Builds the JSON text of one finding without an intermediate object,
 * because findings are most of the file. The text equals JSON.stringify of
 * the record with the fields in this order. `executions` is given for a
 * finding in a workload statement.
 */
function findingText(f: Finding, executions: number | undefined): string {
  let text =
    `{"featureId":${JSON.stringify(f.featureId)}` +
    `,"status":${JSON.stringify(f.status)}` +
    `,"file":${JSON.stringify(f.file)}` +
    `,"line":${jsonNumber(f.line)}` +
    `,"column":${jsonNumber(f.column)}` +
    `,"object":${JSON.stringify(f.object)}` +
    `,"message":${JSON.stringify(f.message)}`;
  if (f.detail !== undefined) {
    text += `,"detail":${JSON.stringify(f.detail)}`;
  }
  if (f.complexity !== undefined) {
    text += `,"complexity":${JSON.stringify(f.complexity)}`;
  }
  if (executions !== undefined) {
    text += `,"executions":${jsonNumber(executions)}`;
  }
  return text + "}";
}

/** Formats a number as JSON.stringify does, with `null` when not finite. */
function jsonNumber(value: number): string {
  return Number.isFinite(value) ? String(value) : "null";
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
