/**
 * A hand-built application for the report tests. It has a live production
 * server with two databases (one with a dot in its name) and an Agent job
 * step, a script folder on a non-production server, and a production server
 * that was never assessed. Every figure the tests expect is worked out by hand
 * from the findings and effort rows below.
 */

import type {
  AssessedObject,
  AssessedUnit,
  Assessment,
  Complexity,
  EffortRange,
  FeatureEffort,
  Finding,
  FindingStatus,
} from "../../../src/assessment/model.js";
import { FINDING_STATUSES } from "../../../src/assessment/model.js";
import type { ApplicationReportInput } from "../../../src/report/application/input.js";

export const TARGET = "babelfish@5.5";
export const LIVE_SERVER = "KESTREL-SQL01";
export const SCRIPT_SERVER = "kestrel-scripts";
export const MISSING_SERVER = "KESTREL-DR";

const MEDIUM_DETAIL_RATE: EffortRange = { low: 0.5, high: 1 };

export function unit(file: string, lines: number): AssessedUnit {
  return {
    file,
    encoding: "utf-8",
    lines,
    bytes: lines * 40,
    batches: 1,
    batchesWithErrors: 0,
    statements: lines,
  };
}

export function object(file: string, name: string, type: string): AssessedObject {
  return { name, type, file, line: 1, lines: 5 };
}

export function finding(
  featureId: string,
  status: FindingStatus,
  file: string,
  objectName: string,
  detail?: string,
): Finding {
  return {
    featureId,
    status,
    file,
    line: 1,
    column: 1,
    object: objectName,
    message: `${featureId} found`,
    ...(detail === undefined ? {} : { detail }),
  };
}

/** Builds one effort row; `total` is learning plus occurrences times the rate. */
export function featureEffort(
  featureId: string,
  detail: string | undefined,
  complexity: Complexity,
  occurrences: number,
  learningBasis: "feature" | "detail",
  learning: EffortRange,
  perOccurrence: EffortRange,
): FeatureEffort {
  return {
    featureId,
    ...(detail === undefined ? {} : { detail }),
    title: `Title of ${featureId}`,
    complexity,
    occurrences,
    learningBasis,
    learning,
    perOccurrence,
    total: {
      low: round(learning.low + occurrences * perOccurrence.low),
      high: round(learning.high + occurrences * perOccurrence.high),
    },
  };
}

function round(hours: number): number {
  return Math.round(hours * 100) / 100;
}

/** Builds an assessment whose summary and effort totals follow from its parts. */
export function assessment(
  id: string,
  source: string,
  units: readonly AssessedUnit[],
  objects: readonly AssessedObject[],
  findings: readonly Finding[],
  byFeature: readonly FeatureEffort[],
  databases?: readonly string[],
): Assessment {
  const byStatus = Object.fromEntries(FINDING_STATUSES.map((s) => [s, 0])) as Record<
    FindingStatus,
    number
  >;
  for (const f of findings) {
    byStatus[f.status]++;
  }

  const learning = { low: 0, high: 0 };
  const repeat = { low: 0, high: 0 };
  for (const f of byFeature) {
    learning.low += f.learning.low;
    learning.high += f.learning.high;
    repeat.low += f.occurrences * f.perOccurrence.low;
    repeat.high += f.occurrences * f.perOccurrence.high;
  }
  const total = {
    low: round(learning.low + repeat.low),
    high: round(learning.high + repeat.high),
  };
  const rates = {
    low: { low: 1, high: 2 },
    medium: { low: 2, high: 4 },
    high: { low: 8, high: 16 },
  };

  return {
    id,
    startedAt: "2026-11-20T08:00:00.000Z",
    infioVersion: "0.1.0",
    target: TARGET,
    sources: [source],
    summary: {
      files: units.length,
      lines: units.reduce((n, u) => n + u.lines, 0),
      bytes: units.reduce((n, u) => n + u.bytes, 0),
      batches: units.length,
      batchesWithErrors: 0,
      statements: units.length,
      findingsByStatus: byStatus,
      objectsByType: {},
      effort: total,
      elapsedMs: 10,
    },
    units,
    objects,
    findings,
    parseErrors: [],
    skipped: [],
    effort: {
      total,
      learning: { low: round(learning.low), high: round(learning.high) },
      repeat: { low: round(repeat.low), high: round(repeat.high) },
      rates: {
        learning: rates,
        perDetail: {
          low: { low: 0.25, high: 0.5 },
          medium: MEDIUM_DETAIL_RATE,
          high: { low: 2, high: 4 },
        },
        perOccurrence: {
          low: { low: 0.05, high: 0.25 },
          medium: { low: 0.25, high: 1 },
          high: { low: 1, high: 4 },
        },
      },
      byFeature,
      byObject: [],
      byFile: [],
      byObjectType: [],
    },
    ...(databases === undefined
      ? {}
      : {
          live: {
            server: {
              address: `${source},1433`,
              name: source,
              version: "16.0.4135.4",
              edition: "Enterprise Edition (64-bit)",
              collectedAt: "2026-11-20T08:00:00.000Z",
              tlsVerificationDisabled: false,
            },
            inventory: { databases: databases.map((database) => ({ database })) },
            problems: [],
          },
        }),
  };
}

const MEDIUM = { low: 0.25, high: 1 };
const LOW = { low: 0.05, high: 0.25 };
const HIGH = { low: 1, high: 4 };

/** Returns the live server's assessment: databases `Sales` and `Ops.EU`, and one Agent job step. */
export function liveAssessment(): Assessment {
  const units = [
    unit("Sales.dbo.Orders", 10),
    unit("Sales.dbo.usp_ship", 40),
    unit("Sales.dbo.v_open", 12),
    unit("Ops.EU.dbo.Pallet", 8),
    unit("Ops.EU.dbo.trg_audit", 20),
    unit("agent.nightly.step 1", 5),
  ];
  const objects = [
    object("Sales.dbo.Orders", "dbo.Orders", "table"),
    object("Sales.dbo.usp_ship", "dbo.usp_ship", "procedure"),
    object("Sales.dbo.v_open", "dbo.v_open", "view"),
    object("Ops.EU.dbo.Pallet", "dbo.Pallet", "table"),
    object("Ops.EU.dbo.trg_audit", "dbo.trg_audit", "trigger"),
  ];
  const findings = [
    finding("cursor.option.scroll", "notSupported", "Sales.dbo.usp_ship", "dbo.usp_ship"),
    finding("cursor.option.scroll", "notSupported", "Sales.dbo.usp_ship", "dbo.usp_ship"),
    finding("builtin.function.str", "reviewSemantics", "Sales.dbo.usp_ship", "dbo.usp_ship"),
    finding(
      "builtin.function.hashbytes",
      "reviewManually",
      "Sales.dbo.usp_ship",
      "dbo.usp_ship",
      "md5",
    ),
    finding("ddl.table.filestream", "notSupported", "Sales.dbo.Orders", "dbo.Orders"),
    finding("select.top", "supported", "Sales.dbo.v_open", "dbo.v_open"),
    finding("trigger.after", "reviewPerformance", "Ops.EU.dbo.trg_audit", "dbo.trg_audit"),
    finding("ddl.table.mystery", "unknown", "Ops.EU.dbo.Pallet", "dbo.Pallet"),
    finding("set.nocount", "ignored", "agent.nightly.step 1", ""),
  ];
  const byFeature = [
    featureEffort("cursor.option.scroll", undefined, "medium", 2, "feature", { low: 4, high: 8 }, MEDIUM),
    featureEffort("builtin.function.str", undefined, "medium", 1, "feature", { low: 2, high: 4 }, MEDIUM),
    featureEffort("builtin.function.hashbytes", "md5", "medium", 1, "feature", { low: 2, high: 4 }, MEDIUM),
    featureEffort("ddl.table.filestream", undefined, "high", 1, "feature", { low: 8, high: 16 }, HIGH),
    featureEffort("trigger.after", undefined, "low", 1, "feature", { low: 1, high: 2 }, LOW),
    featureEffort("ddl.table.mystery", undefined, "medium", 1, "feature", { low: 4, high: 8 }, MEDIUM),
  ];

  return assessment("a-live", LIVE_SERVER, units, objects, findings, byFeature, [
    "master",
    "Sales",
    "Ops.EU",
  ]);
}

/** Returns the script folder's assessment: a procedure file, a table file and a plain script. */
export function scriptAssessment(): Assessment {
  const units = [
    unit("procs/ship.sql", 50),
    unit("tables/orders.sql", 15),
    unit("deploy.sql", 6),
  ];
  const objects = [
    object("procs/ship.sql", "dbo.usp_ship", "procedure"),
    object("tables/orders.sql", "dbo.Orders", "table"),
    object("tables/orders.sql", "dbo.Customers", "table"),
  ];
  const findings = [
    finding("cursor.option.scroll", "notSupported", "procs/ship.sql", "dbo.usp_ship"),
    finding("cursor.option.scroll", "notSupported", "procs/ship.sql", "dbo.usp_ship"),
    finding("cursor.option.scroll", "notSupported", "procs/ship.sql", "dbo.usp_ship"),
    finding("builtin.function.hashbytes", "reviewManually", "procs/ship.sql", "dbo.usp_ship", "sha1"),
    finding("builtin.function.hashbytes", "reviewManually", "procs/ship.sql", "dbo.usp_ship", "sha1"),
    finding("builtin.function.hashbytes", "reviewManually", "procs/ship.sql", "dbo.usp_ship", "md5"),
    finding("set.ansi_nulls", "reviewSemantics", "procs/ship.sql", ""),
    finding("datatype.money", "supported", "tables/orders.sql", "dbo.Customers"),
  ];
  const byFeature = [
    featureEffort("cursor.option.scroll", undefined, "medium", 3, "feature", { low: 4, high: 8 }, MEDIUM),
    featureEffort("builtin.function.hashbytes", "sha1", "medium", 2, "feature", { low: 2, high: 4 }, MEDIUM),
    featureEffort("builtin.function.hashbytes", "md5", "medium", 1, "detail", MEDIUM_DETAIL_RATE, MEDIUM),
    featureEffort("set.ansi_nulls", undefined, "low", 1, "feature", { low: 1, high: 2 }, LOW),
  ];

  return assessment("a-scripts", "/src/kestrel", units, objects, findings, byFeature);
}

/** Returns the sample application: code may be changed, not a third-party product. */
export function sampleApplication(
  overrides: Partial<ApplicationReportInput> = {},
): ApplicationReportInput {
  return {
    companyName: "Kestrel Logistics",
    applicationName: "Cold chain",
    target: TARGET,
    generatedAt: "2026-12-01T10:00:00.000Z",
    questionnaire: [
      {
        id: "thirdPartyProduct",
        question: "Is it a third-party or commercial product?",
        answer: "no",
      },
      { id: "codeMayBeChanged", question: "May its code be changed?", answer: "yes" },
      { id: "notes", question: "Notes", answer: "Owned by the logistics team." },
    ],
    metrics: [
      { name: "CPU cores", value: 16, unit: "cores", origin: "inventory" },
      { name: "Storage", value: 512, unit: "GB", origin: "manual" },
    ],
    servers: [
      {
        name: SCRIPT_SERVER,
        environment: "non-production",
        source: "scripts",
        assessment: scriptAssessment(),
      },
      {
        name: MISSING_SERVER,
        environment: "production",
        source: "live",
        problem: "The server refused the connection.",
      },
      {
        name: LIVE_SERVER,
        environment: "production",
        source: "live",
        assessment: liveAssessment(),
      },
    ],
    ...overrides,
  };
}
