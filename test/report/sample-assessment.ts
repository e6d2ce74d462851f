/**
 * A fixed synthetic assessment for the report tests and snapshots. It
 * carries the hard cases: hostile object, file and message text, every
 * status, batch-level findings, parse errors, skipped inputs, source text
 * with tabs, control characters and a very long line.
 */

import { EffortEstimator } from "../../src/assessment/effort.js";
import type {
  AppliedOverrides,
  AssessedObject,
  Assessment,
  EffortBreakdown,
  Finding,
  FindingStatus,
  TargetComparison,
} from "../../src/assessment/model.js";
import { FINDING_STATUSES } from "../../src/assessment/model.js";
import { createCatalog } from "../../src/catalog/catalog.js";
import type { FeatureEntry } from "../../src/catalog/model.js";
import type { FeatureLookup } from "../../src/report/features.js";

export const HOSTILE_HTML_NAME = "<img src=x onerror=alert(1)>";
export const HOSTILE_FORMULA_NAME = '=HYPERLINK("http://x")';
export const HOSTILE_FILE = "hostile/<script>alert(1)</script>.sql";

const ORDERS = "procs/orders.sql";
const CUSTOMERS = "tables/customers.sql";
const REPORTS = 'procs/reports, "quarterly".sql';

function finding(
  featureId: string,
  status: FindingStatus,
  file: string,
  line: number,
  column: number,
  object: string,
  message: string,
  extra: Partial<Pick<Finding, "detail" | "complexity">> = {},
): Finding {
  return { featureId, status, file, line, column, object, message, ...extra };
}

const FINDINGS: readonly Finding[] = [
  finding(
    "cursor.option.scroll",
    "notSupported",
    ORDERS,
    5,
    30,
    "dbo.usp_orders",
    "SCROLL cursors are not supported; use a FAST_FORWARD cursor or a set-based query",
    { complexity: "medium" },
  ),
  finding(
    "cursor.option.scroll",
    "notSupported",
    ORDERS,
    12,
    9,
    "dbo.usp_orders",
    "SCROLL cursors are not supported; use a FAST_FORWARD cursor or a set-based query",
    { complexity: "medium" },
  ),
  finding(
    "cursor.option.scroll",
    "notSupported",
    REPORTS,
    3,
    1,
    "dbo.usp_quarterly",
    "SCROLL cursors are not supported; use a FAST_FORWARD cursor or a set-based query",
  ),
  finding(
    "builtin.function.hashbytes",
    "reviewSemantics",
    ORDERS,
    8,
    9,
    "dbo.usp_orders",
    "HASHBYTES with MD4 is not available; choose SHA2_256",
    { detail: "MD4", complexity: "low" },
  ),
  finding(
    "dml.merge",
    "reviewManually",
    CUSTOMERS,
    14,
    1,
    HOSTILE_HTML_NAME,
    'MERGE with OUTPUT $action, "quoted" text, and a line\nbreak',
  ),
  finding(
    "dml.merge",
    "reviewManually",
    CUSTOMERS,
    20,
    5,
    HOSTILE_FORMULA_NAME,
    '=HYPERLINK("http://x","click")',
  ),
  finding(
    "query.hint.nolock",
    "reviewPerformance",
    CUSTOMERS,
    3,
    38,
    "",
    "-- NOLOCK is ignored; rows are read under READ COMMITTED",
  ),
  finding(
    "xml.method.nodes",
    "unknown",
    REPORTS,
    5,
    7,
    "dbo.usp_quarterly",
    "  @nodes() is not in the catalog for this target <b>bold</b>",
  ),
  finding(
    "builtin.function.getdate",
    "reviewSemantics",
    CUSTOMERS,
    12,
    920,
    "dbo.customers",
    "GETDATE returns the time in the server's time zone",
  ),
  finding(
    "ddl.table.create",
    "supported",
    CUSTOMERS,
    1,
    1,
    "dbo.customers",
    "+CREATE TABLE is supported",
  ),
  finding(
    "set.option.nocount",
    "ignored",
    ORDERS,
    2,
    6,
    "dbo.usp_orders",
    "SET NOCOUNT has no effect on the target",
  ),
  finding(
    "dynamic.sql.exec",
    "reviewManually",
    HOSTILE_FILE,
    1,
    1,
    "",
    "javascript:alert(1) is only text here\t(tab)",
  ),
];

const ORDERS_TEXT = [
  "CREATE PROCEDURE dbo.usp_orders AS",
  "\tSET NOCOUNT ON;",
  "\tDECLARE @id int;",
  "\t-- read the orders one by one",
  "\tDECLARE order_cursor CURSOR SCROLL FOR SELECT id FROM dbo.orders;",
  "\tOPEN order_cursor;",
  "\tSELECT '<script>alert(1)</script>' AS payload;",
  "\tSELECT HASHBYTES('MD4', N'x') AS digest;",
  "\tSELECT N'\u202Eevil' AS trojan, N'\u0007bell' AS bell;",
  "\tFETCH NEXT FROM order_cursor INTO @id;",
  "\tWHILE @@FETCH_STATUS = 0",
  "\t\tFETCH PRIOR FROM order_cursor INTO @id;",
  "\tCLOSE order_cursor;",
  "\tDEALLOCATE order_cursor;",
  "GO",
].join("\r\n");

const CUSTOMERS_TEXT = [
  "CREATE TABLE dbo.customers (id int PRIMARY KEY, name nvarchar(100));",
  "GO",
  "SELECT name FROM dbo.customers WITH (NOLOCK);",
  ...Array.from({ length: 8 }, (_, i) => `-- filler line ${i + 4}`),
  `SELECT '${"x".repeat(900)}' AS wide, GETDATE() AS now;`,
  "-- the next statement upserts",
  "MERGE dbo.customers AS t USING (SELECT 1 AS id) AS s ON t.id = s.id",
  "  WHEN MATCHED THEN UPDATE SET name = N'a'",
  "  WHEN NOT MATCHED THEN INSERT (id) VALUES (s.id)",
  "  OUTPUT $action;",
  "GO",
  "",
  "    MERGE dbo.customers AS t USING dbo.staging AS s ON t.id = s.id",
  "  WHEN MATCHED THEN DELETE;",
].join("\n");

/** Source texts of the sample; the reports file has none, on purpose. */
export function sampleSources(): Map<string, string> {
  return new Map([
    [ORDERS, ORDERS_TEXT],
    [CUSTOMERS, CUSTOMERS_TEXT],
    [HOSTILE_FILE, "EXEC ('SELECT 1 -- <img src=x onerror=alert(1)>');"],
  ]);
}

/** Catalog facts for some sample features, one with an unsafe link. */
export const sampleFeatures: FeatureLookup = (featureId) => {
  switch (featureId) {
    case "cursor.option.scroll":
      return {
        title: "SCROLL cursor option",
        group: "cursors",
        helpUri: "https://example.com/infio/features/cursor.option.scroll",
      };
    case "dml.merge":
      return {
        title: "MERGE statement <em>",
        group: "dml",
        helpUri: "javascript:alert(1)",
      };
    default:
      return undefined;
  }
};

/**
 * A one-entry catalog, so the sample's effort does not change with the
 * built-in catalog. Its title is hostile markup, as a catalog title could
 * be after a bad override file.
 */
const SAMPLE_CATALOG = createCatalog(
  [
    {
      id: "dml.merge",
      title: "MERGE statement <em>",
      group: "DML",
      description: "MERGE.",
      babelfish: [{ from: "1.0.0", status: "notSupported" }],
      postgresql: [{ from: "16", status: "reviewSemantics" }],
      complexity: "high",
      effortHours: { low: 3, high: 9 },
      remedy: "Rewrite as INSERT and UPDATE.",
      postgresqlRemedy: "Check the MERGE semantics.",
      docs: [],
    } satisfies FeatureEntry,
  ],
  {
    low: { low: 0.5, high: 1 },
    medium: { low: 1, high: 4 },
    high: { low: 4, high: 16 },
  },
);

const SAMPLE_OCCURRENCE_RATES = {
  low: { low: 0.1, high: 0.25 },
  medium: { low: 0.25, high: 1 },
  high: { low: 1, high: 3 },
};

/** Computes the effort of the sample's findings as a run computes it. */
function sampleEffort(objects: readonly AssessedObject[]): EffortBreakdown {
  return new EffortEstimator({
    catalog: SAMPLE_CATALOG,
    occurrenceRates: SAMPLE_OCCURRENCE_RATES,
  })
    .addObjects(objects)
    .addAll(FINDINGS)
    .report();
}

const SAMPLE_OVERRIDES: AppliedOverrides = {
  features: [
    {
      featureId: "table.hint.nolock",
      product: "babelfish",
      field: "status",
      from: "reviewSemantics",
      to: "reviewManually",
    },
    {
      featureId: "builtin.function.hashbytes",
      detail: "<md5>",
      field: "complexity",
      from: "low",
      to: "medium",
    },
    {
      featureId: "dml.merge",
      field: "effortHours",
      from: { low: 4, high: 16 },
      to: { low: 3, high: 9 },
    },
  ],
  rates: [
    {
      rates: "learning",
      complexity: "low",
      from: { low: 0.25, high: 1 },
      to: { low: 0.5, high: 1 },
    },
    {
      rates: "perOccurrence",
      complexity: "high",
      from: { low: 1, high: 4 },
      to: { low: 1, high: 3 },
    },
  ],
};

const SAMPLE_COMPARISON: TargetComparison = {
  baseline: "babelfish@5.5",
  candidate: "babelfish@6.0.0",
  unblocked: [
    {
      featureId: "cursor.option.scroll",
      title: "SCROLL cursor option",
      occurrences: 3,
      baseline: "notSupported",
      candidate: "supported",
    },
  ],
  stillBlocking: [
    {
      featureId: "dml.merge",
      title: "MERGE statement <em>",
      occurrences: 2,
      baseline: "notSupported",
      candidate: "notSupported",
    },
    {
      featureId: "builtin.function.hashbytes",
      detail: "<script>alert(1)</script>",
      title: "HASHBYTES",
      occurrences: 1,
      baseline: "notSupported",
      candidate: "notSupported",
    },
  ],
  regressed: [],
  changed: [
    {
      featureId: "table.hint.nolock",
      title: "NOLOCK table hint",
      occurrences: 1,
      baseline: "reviewManually",
      candidate: "reviewSemantics",
    },
  ],
};

function sampleObjects(): AssessedObject[] {
  return [
    {
      name: "dbo.usp_orders",
      type: "procedure",
      file: ORDERS,
      line: 1,
      lines: 14,
    },
    {
      name: "dbo.customers",
      type: "table",
      file: CUSTOMERS,
      line: 1,
      lines: 1,
    },
    {
      name: "dbo.usp_quarterly",
      type: "procedure",
      file: REPORTS,
      line: 1,
      lines: 7,
    },
    {
      name: HOSTILE_HTML_NAME,
      type: "view",
      file: CUSTOMERS,
      line: 14,
      lines: 4,
    },
    {
      name: HOSTILE_FORMULA_NAME,
      type: "view",
      file: CUSTOMERS,
      line: 20,
      lines: 2,
    },
  ];
}

/** Returns the sample assessment; every call returns equal data. */
export function sampleAssessment(): Assessment {
  const objects = sampleObjects();
  const effort = sampleEffort(objects);
  const findingsByStatus = Object.fromEntries(
    FINDING_STATUSES.map((s) => [
      s,
      FINDINGS.filter((f) => f.status === s).length,
    ]),
  ) as Record<FindingStatus, number>;

  return {
    id: "a1b2c3d4-0000-4000-8000-000000000001",
    startedAt: "2024-05-01T09:30:00.000Z",
    infioVersion: "0.1.0",
    target: "babelfish@5.5",
    sources: ["examples/sample-db"],
    summary: {
      files: 4,
      lines: 44,
      bytes: 2_480,
      batches: 6,
      batchesWithErrors: 1,
      statements: 21,
      findingsByStatus,
      objectsByType: { procedure: 2, table: 1, view: 2 },
      effort: effort.total,
      elapsedMs: 1234,
    },
    units: [
      {
        file: ORDERS,
        encoding: "utf-8",
        lines: 15,
        bytes: 540,
        batches: 1,
        batchesWithErrors: 0,
        statements: 12,
      },
      {
        file: CUSTOMERS,
        encoding: "utf-16le",
        lines: 21,
        bytes: 1_600,
        batches: 3,
        batchesWithErrors: 1,
        statements: 6,
      },
      {
        file: REPORTS,
        encoding: "windows-1252",
        lines: 7,
        bytes: 290,
        batches: 1,
        batchesWithErrors: 0,
        statements: 2,
      },
      {
        file: HOSTILE_FILE,
        encoding: "utf-8",
        lines: 1,
        bytes: 50,
        batches: 1,
        batchesWithErrors: 0,
        statements: 1,
      },
    ],
    objects,
    findings: FINDINGS,
    parseErrors: [
      {
        file: CUSTOMERS,
        line: 21,
        column: 21,
        code: "parse.unexpected-token",
        message: "unexpected 'DELETE' <here>; expected UPDATE or DELETE clause",
      },
      {
        file: "missing/source.sql",
        line: 4,
        column: 2,
        message: "incomplete statement at end of batch",
      },
    ],
    skipped: [
      {
        file: "notes/readme.txt",
        reason: "not-sql",
        message:
          "skipped 'notes/readme.txt': not a SQL file; pass --include to assess it",
      },
      {
        file: "bin/<b>blob</b>.sql",
        reason: "binary",
        message: "skipped 'bin/<b>blob</b>.sql': binary content at byte 3",
      },
    ],
    overrides: SAMPLE_OVERRIDES,
    effort,
    comparison: SAMPLE_COMPARISON,
  };
}
