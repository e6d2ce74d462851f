/**
 * Renders `assessment.sarif`, a SARIF 2.1.0 log with one run, so findings
 * show in code-scanning tools and editors.
 *
 * Levels: notSupported is `error`, and reviewSemantics, reviewPerformance,
 * reviewManually and unknown are `warning`. Supported and ignored findings
 * are left out, because code-scanning tools show every result as an alert
 * and these need no action. Their counts stay in `run.properties`. Parse
 * errors are `error` results of the rule `infio.ParseError`, and skipped
 * inputs are warnings in `invocations[0].toolExecutionNotifications`.
 * The applied overrides and the version comparison, when present, are in
 * `run.properties` with the fields they have in assessment.json.
 *
 * For a live server, each collection problem is a warning in
 * `toolExecutionNotifications` too, and the server header is in
 * `run.properties.server`. For workload captures, each statement with a
 * result is an entry of `run.artifacts` holding its masked text, and its
 * findings carry `properties.executions` (sarif-workload.ts). Collecting
 * with the certificate check turned
 * off is a warning in `toolConfigurationNotifications`, which the SARIF
 * 2.1.0 schema describes as conditions relevant to the tool's
 * configuration.
 */

import type {
  Assessment,
  Finding,
  LiveSource,
  ParseErrorRecord,
  SkippedInput,
  TargetComparison,
} from "../assessment/model.js";
import type { CollectionProblem } from "../sources/sqlserver/collected.js";
import { FINDING_STATUSES } from "../assessment/model.js";
import type { FeatureLookup } from "./features.js";
import {
  comparisonRecord,
  featureComparisonRecord,
  overridesRecord,
  serverRecord,
} from "./json-details.js";
import { artifactLocation, SOURCE_ROOT_BASE_ID } from "./sarif-uri.js";
import { workloadArtifacts, type WorkloadArtifacts } from "./sarif-workload.js";
import { appCodeStatements, withAppCodeDetails } from "./sarif-app-code.js";
import type { SarifLevel } from "./sarif-rules.js";
import { buildRules, moreSevere, PARSE_ERROR_RULE_ID } from "./sarif-rules.js";

export interface SarifOptions {
  /** Catalog lookup for rule titles, groups and help links. */
  readonly features?: FeatureLookup;
}

const SARIF_SCHEMA_URI =
  "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/**
 * Returns the SARIF level of a status, or undefined when findings with
 * that status are left out. A status this version does not know is a
 * warning, like an unknown feature.
 */
export function sarifLevel(status: string): SarifLevel | undefined {
  switch (status) {
    case "supported":
    case "ignored":
      return undefined;
    case "notSupported":
      return "error";
    default:
      return "warning";
  }
}

/** Renders the text of a SARIF 2.1.0 log, ending in a newline. */
export function renderSarif(a: Assessment, options: SarifOptions = {}): string {
  return [...sarifParts(a, options)].join("");
}

/**
 * Yields the SARIF text a result at a time, so that a writer can stream a
 * file of any size; the parts joined are the text of {@link renderSarif}.
 */
export function* sarifParts(
  a: Assessment,
  options: SarifOptions = {},
): Generator<string> {
  const levelByFeature = new Map<string, SarifLevel>();
  for (const finding of a.findings) {
    const level = sarifLevel(finding.status);
    if (level === undefined) {
      continue;
    }
    const previous = levelByFeature.get(finding.featureId) ?? "none";
    levelByFeature.set(finding.featureId, moreSevere(previous, level));
  }

  const { rules, indexById } = buildRules(levelByFeature, options.features);
  const workload = workloadArtifacts(a, (f) => sarifLevel(f.status) !== undefined);

  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "infio",
            version: a.infioVersion,
            rules,
          },
        },
        invocations: [invocation(a)],
        originalUriBaseIds: {
          [SOURCE_ROOT_BASE_ID]: {
            description: {
              text: "The assessed folder. File paths are relative to it.",
            },
          },
        },
        columnKind: "utf16CodeUnits",
        ...(workload === undefined ? {} : { artifacts: workload.artifacts }),
        properties: runProperties(a),
      },
    ],
  };

  yield* withResults(JSON.stringify(log, null, 2), results(a, indexById, workload));
}

function* results(
  a: Assessment,
  indexById: Map<string, number>,
  workload: WorkloadArtifacts | undefined,
): Generator<object> {
  const statementAt = appCodeStatements(a);
  for (const finding of a.findings) {
    if (sarifLevel(finding.status) !== undefined) {
      const result = findingResult(finding, indexById, workload);
      yield statementAt === undefined
        ? result
        : withAppCodeDetails(result as Record<string, unknown>, statementAt(finding.file, finding.line));
    }
  }
  for (const error of a.parseErrors) {
    yield parseErrorResult(error, indexById, workload);
  }
}

/**
 * Adds `results` as the last member of the only run, one result per line,
 * and ends the text with a newline. Indenting 500,000 results would double
 * the size of the file for no reader's benefit. The log text ends with the
 * run's closing brace, so the results go in front of it.
 */
function* withResults(
  logText: string,
  results: Iterable<object>,
): Generator<string> {
  const runEnd = "\n    }\n  ]\n}";
  yield logText.slice(0, logText.length - runEnd.length);
  yield ',\n      "results": ';

  let first = true;
  for (const result of results) {
    yield (first ? "[\n        " : ",\n        ") + JSON.stringify(result);
    first = false;
  }
  yield first ? "[]" : "\n      ]";
  yield runEnd + "\n";
}

function findingResult(
  f: Finding,
  indexById: Map<string, number>,
  workload: WorkloadArtifacts | undefined,
): object {
  const executions = workload?.executions.get(f.file);
  const location = {
    physicalLocation: physicalLocation(f.file, f.line, f.column, workload?.indexByUnit.get(f.file)),
    ...(f.object === ""
      ? {}
      : { logicalLocations: [{ fullyQualifiedName: f.object }] }),
  };

  return {
    ruleId: f.featureId,
    ruleIndex: indexById.get(f.featureId),
    level: sarifLevel(f.status),
    message: { text: f.message === "" ? f.featureId : f.message },
    locations: [location],
    properties: {
      status: f.status,
      ...(f.object === "" ? {} : { object: f.object }),
      ...(f.detail === undefined ? {} : { detail: f.detail }),
      ...(f.complexity === undefined ? {} : { complexity: f.complexity }),
      ...(executions === undefined ? {} : { executions }),
    },
  };
}

function parseErrorResult(
  e: ParseErrorRecord,
  indexById: Map<string, number>,
  workload: WorkloadArtifacts | undefined,
): object {
  return {
    ruleId: PARSE_ERROR_RULE_ID,
    ruleIndex: indexById.get(PARSE_ERROR_RULE_ID),
    level: "error",
    message: { text: e.message === "" ? "parse error" : e.message },
    locations: [
      { physicalLocation: physicalLocation(e.file, e.line, e.column, workload?.indexByUnit.get(e.file)) },
    ],
    ...(e.code === undefined ? {} : { properties: { code: e.code } }),
  };
}

/**
 * Returns the physical location. The region is left out when the line is
 * not a positive integer, because SARIF requires lines and columns from 1.
 * `artifactIndex` points at an embedded workload statement.
 */
function physicalLocation(file: string, line: number, column: number, artifactIndex?: number): object {
  const region = {
    ...(isPosition(line) ? { startLine: line } : {}),
    ...(isPosition(line) && isPosition(column) ? { startColumn: column } : {}),
  };

  // An embedded statement lies under no source root.
  const location =
    artifactIndex === undefined ? artifactLocation(file) : { uri: artifactLocation(file).uri, index: artifactIndex };
  return {
    artifactLocation: location,
    ...(isPosition(line) ? { region } : {}),
  };
}

function isPosition(value: number): boolean {
  return Number.isInteger(value) && value >= 1;
}

function invocation(a: Assessment): object {
  const start = new Date(a.startedAt);
  const end = new Date(start.getTime() + a.summary.elapsedMs);
  const hasTimes =
    !Number.isNaN(end.getTime()) && end.getTime() >= start.getTime();

  const problems = a.live?.problems ?? [];
  const configuration = a.live === undefined ? [] : configurationNotifications(a.live);

  return {
    executionSuccessful: true,
    ...(hasTimes
      ? { startTimeUtc: start.toISOString(), endTimeUtc: end.toISOString() }
      : {}),
    toolExecutionNotifications: [
      ...a.skipped.map(skippedNotification),
      ...problems.map(problemNotification),
    ],
    ...(configuration.length === 0
      ? {}
      : { toolConfigurationNotifications: configuration }),
  };
}

/**
 * Returns a collection problem as a notification. It has no location,
 * because a catalog view or a database is no artifact, so the part and
 * database go in its properties.
 */
function problemNotification(p: CollectionProblem): object {
  const where = p.database === undefined ? p.part : `${p.part} in ${p.database}`;
  return {
    level: "warning",
    message: { text: p.message === "" ? `not read: ${where}: ${p.reason}` : p.message },
    properties: {
      part: p.part,
      ...(p.database === undefined ? {} : { database: p.database }),
      reason: p.reason,
    },
  };
}

function configurationNotifications(live: LiveSource): object[] {
  if (!live.server.tlsVerificationDisabled) {
    return [];
  }

  return [
    {
      level: "warning",
      message: {
        text:
          `certificate verification was turned off for this collection: ` +
          `the TLS certificate of ${live.server.address} was not checked, ` +
          `so nothing shows that the data came from that server`,
      },
      properties: { tlsVerificationDisabled: true },
    },
  ];
}

function skippedNotification(s: SkippedInput): object {
  return {
    level: "warning",
    message: { text: s.message === "" ? `skipped: ${s.reason}` : s.message },
    locations: [
      { physicalLocation: { artifactLocation: artifactLocation(s.file) } },
    ],
    properties: { reason: s.reason },
  };
}

function runProperties(a: Assessment): object {
  const findingsByStatus: Record<string, number> = {};
  for (const status of FINDING_STATUSES) {
    findingsByStatus[status] = a.summary.findingsByStatus[status] ?? 0;
  }

  return {
    assessmentId: a.id,
    target: a.target,
    findingsByStatus,
    ...(a.overrides === undefined ? {} : { overrides: overridesRecord(a.overrides) }),
    ...(a.comparison === undefined ? {} : { comparison: comparisonProperty(a.comparison) }),
    ...(a.live === undefined ? {} : { server: serverRecord(a.live.server) }),
  };
}

function comparisonProperty(c: TargetComparison): object {
  return {
    ...comparisonRecord(c),
    unblocked: c.unblocked.map(featureComparisonRecord),
    stillBlocking: c.stillBlocking.map(featureComparisonRecord),
    regressed: c.regressed.map(featureComparisonRecord),
    changed: c.changed.map(featureComparisonRecord),
  };
}
