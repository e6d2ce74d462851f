/** Assessments for store tests, including names that are hostile to renderers. */
import type {
  AssessedUnit,
  Assessment,
  AssessmentSummary,
  Finding,
} from "../../src/assessment/model.js";

export const HOSTILE_NAMES: readonly string[] = [
  "<img src=x onerror=alert(1)>",
  '=HYPERLINK("http://x")',
  `dbo.[it's "quoted"]`,
  "NULL",
  "",
  "comma, {brace} \\backslash\\",
  "naïve 日本語 emoji 🧪 Ωmega",
  "tab\tnew\nline\r\nreturn",
  "nul\u0000inside",
  "private\uE000use and \uE0000 marker",
  "lone \uD800 high and \uDC00 low surrogates",
];

export function sampleSummary(
  overrides: Partial<AssessmentSummary> = {},
): AssessmentSummary {
  return {
    files: 2,
    lines: 1234,
    bytes: 56789,
    batches: 12,
    batchesWithErrors: 1,
    statements: 40,
    findingsByStatus: {
      supported: 1,
      notSupported: 2,
      reviewSemantics: 0,
      reviewPerformance: 0,
      reviewManually: 1,
      ignored: 0,
      unknown: 1,
    },
    objectsByType: { procedure: 2, table: 1, "weird\u0000type": 1 },
    effort: { low: 1.5, high: 4 },
    elapsedMs: 321,
    ...overrides,
  };
}

export function sampleFinding(index: number, name = "dbo.proc"): Finding {
  const base: Finding = {
    featureId: `cursor.option.scroll.${index % 7}`,
    status: index % 3 === 0 ? "notSupported" : "reviewManually",
    file: `procs/${name}.sql`,
    line: index + 1,
    column: (index % 80) + 1,
    object: name,
    message: `SCROLL cursor in ${name} (#${index})`,
  };
  if (index % 2 === 0) {
    return { ...base, detail: `detail ${name}`, complexity: "high" };
  }
  return base;
}

export function sampleUnit(file: string): AssessedUnit {
  return {
    file,
    encoding: "utf-16le",
    lines: 120,
    bytes: 5_000_000_000,
    batches: 3,
    batchesWithErrors: 1,
    statements: 9,
  };
}

/** Builds an assessment that fills every table and uses every hostile name. */
export function sampleAssessment(id: string, startedAt?: string): Assessment {
  return {
    id,
    startedAt: startedAt ?? "2025-03-04T05:06:07.089Z",
    infioVersion: "0.1.0",
    target: "babelfish@5.5",
    sources: ["/data/scripts", ...HOSTILE_NAMES],
    summary: sampleSummary(),
    units: HOSTILE_NAMES.map((name) => sampleUnit(`${name}.sql`)),
    objects: HOSTILE_NAMES.map((name, i) => ({
      name,
      type: i % 2 === 0 ? "procedure" : "table",
      file: `${name}.sql`,
      line: i + 1,
      lines: 10 * i,
    })),
    findings: HOSTILE_NAMES.flatMap((name, i) => [
      sampleFinding(i * 2, name),
      sampleFinding(i * 2 + 1, name),
    ]),
    parseErrors: [
      { file: "a.sql", line: 3, column: 7, message: "expected ')'" },
      {
        file: HOSTILE_NAMES[0],
        line: 1,
        column: 1,
        message: HOSTILE_NAMES[8],
        code: "E\u0000001",
      },
    ],
    skipped: [
      { file: "logo.png", reason: "binary", message: "not a text file" },
      { file: HOSTILE_NAMES[1], reason: "not-sql", message: HOSTILE_NAMES[9] },
    ],
  };
}
