/**
 * A large synthetic assessment for the HTML size test. By default it has
 * 500 files of 2,000 lines (one million lines) with source text, and
 * 200,000 findings over 300 features of all statuses. One feature has a
 * tenth of all findings. It also has 20,000 objects, 5,000 parse errors and
 * 3,000 skipped inputs, the effort breakdown of its findings, and a
 * comparison that lists every feature as still blocking. The data is a pure
 * function of the sizes, so runs are repeatable.
 */

import { EffortEstimator } from "../../src/assessment/effort.js";
import type {
  AssessedObject,
  AssessedUnit,
  Assessment,
  Finding,
  FindingStatus,
  ParseErrorRecord,
  SkippedInput,
  TargetComparison,
} from "../../src/assessment/model.js";
import { FINDING_STATUSES } from "../../src/assessment/model.js";

export interface LargeSizes {
  readonly files: number;
  readonly linesPerFile: number;
  readonly findings: number;
  readonly features: number;
}

export const DEFAULT_LARGE_SIZES: LargeSizes = {
  files: 500,
  linesPerFile: 2_000,
  findings: 200_000,
  features: 300,
};

function fileName(index: number): string {
  return `gen/module_${String(index).padStart(4, "0")}.sql`;
}

function sourceLine(file: number, line: number): string {
  return `    SELECT c${line}, HASHBYTES('MD5', c${file}) FROM dbo.t${line % 97} WITH (NOLOCK);`;
}

/** Returns the source text of every generated file. */
export function largeSources(sizes = DEFAULT_LARGE_SIZES): Map<string, string> {
  const sources = new Map<string, string>();
  for (let file = 0; file < sizes.files; file++) {
    const lines: string[] = [];
    for (let line = 1; line <= sizes.linesPerFile; line++) {
      lines.push(sourceLine(file, line));
    }
    sources.set(fileName(file), lines.join("\n"));
  }
  return sources;
}

/** Returns the large assessment for the given sizes. */
export function largeAssessment(sizes = DEFAULT_LARGE_SIZES): Assessment {
  const findings: Finding[] = [];
  for (let i = 0; i < sizes.findings; i++) {
    const feature = i % 10 === 0 ? 0 : (i * 7_919) % sizes.features;
    const status = FINDING_STATUSES[feature % FINDING_STATUSES.length]!;
    const file = i % sizes.files;
    findings.push({
      featureId: `family${feature % 17}.part${feature % 5}.feature${feature}`,
      status,
      file: fileName(file),
      line: 1 + ((i * 31) % sizes.linesPerFile),
      column: 12,
      object: `dbo.<proc_${i % 20_000}>`,
      message: `Feature ${feature} at occurrence ${i}: review "HASHBYTES('MD5')" <and> the NOLOCK hint`,
    });
  }

  const findingsByStatus = Object.fromEntries(
    FINDING_STATUSES.map((s) => [s, 0]),
  ) as Record<FindingStatus, number>;
  for (const f of findings) {
    findingsByStatus[f.status]++;
  }

  const units: AssessedUnit[] = Array.from({ length: sizes.files }, (_, i) => ({
    file: fileName(i),
    encoding: "utf-8",
    lines: sizes.linesPerFile,
    bytes: sizes.linesPerFile * 80,
    batches: 10,
    batchesWithErrors: 1,
    statements: 400,
  }));

  const objects: AssessedObject[] = Array.from({ length: 20_000 }, (_, i) => ({
    name: `dbo.<proc_${i}>`,
    type: i % 3 === 0 ? "procedure" : "view",
    file: fileName(i % sizes.files),
    line: 1 + (i % sizes.linesPerFile),
    lines: 40,
  }));

  const parseErrors: ParseErrorRecord[] = Array.from(
    { length: 5_000 },
    (_, i) => ({
      file: fileName(i % sizes.files),
      line: 1 + ((i * 17) % sizes.linesPerFile),
      column: 5,
      code: "parse.unexpected-token",
      message: `unexpected token 'FROM' number ${i}; expected an expression`,
    }),
  );

  const skipped: SkippedInput[] = Array.from({ length: 3_000 }, (_, i) => ({
    file: `assets/blob_${i}.sql`,
    reason: "binary",
    message: `skipped 'assets/blob_${i}.sql': binary content at byte 12`,
  }));

  const effort = new EffortEstimator().addObjects(objects).addAll(findings).report();
  return {
    id: "large-0001",
    startedAt: "2024-05-01T10:00:00.000Z",
    infioVersion: "0.1.0",
    target: "postgresql@17",
    sources: ["gen"],
    summary: {
      files: sizes.files,
      lines: sizes.files * sizes.linesPerFile,
      bytes: sizes.files * sizes.linesPerFile * 80,
      batches: sizes.files * 10,
      batchesWithErrors: sizes.files,
      statements: sizes.files * 400,
      findingsByStatus,
      objectsByType: { procedure: 6_667, view: 13_333 },
      effort: effort.total,
      elapsedMs: 4_321,
    },
    units,
    objects,
    findings,
    parseErrors,
    skipped,
    effort,
    comparison: blockingComparison(findings),
  };
}

/** Lists every feature of `findings` as still blocking on postgresql@18. */
function blockingComparison(findings: readonly Finding[]): TargetComparison {
  const counts = new Map<string, number>();
  for (const f of findings) {
    counts.set(f.featureId, (counts.get(f.featureId) ?? 0) + 1);
  }

  const stillBlocking = [...counts].map(([featureId, occurrences]) => ({
    featureId,
    title: `Feature <${featureId}>`,
    occurrences,
    baseline: "notSupported" as const,
    candidate: "notSupported" as const,
  }));
  return {
    baseline: "postgresql@17",
    candidate: "postgresql@18",
    unblocked: [],
    stillBlocking,
    regressed: [],
    changed: [],
  };
}
