/**
 * Runs T-SQL through the whole unit pipeline and lists the findings of the
 * families a detector test is about, as `featureId [detail] line:column`,
 * so tables of cases read like the report.
 */

import { assessUnit } from "../../src/assessment/assess-unit.js";
import type { Finding } from "../../src/assessment/model.js";
import { parseTarget, type Target } from "../../src/catalog/targets.js";

export function target(text: string): Target {
  const parsed = parseTarget(text);
  if (!parsed.ok) {
    throw new Error(`bad target in a test: ${parsed.error}`);
  }
  return parsed.target;
}

const BABELFISH = target("babelfish@5.5");

/** Findings of `sql` on `on`, with their parse errors. */
export function assess(sql: string, on: Target = BABELFISH): { findings: Finding[]; errors: string[] } {
  const result = assessUnit({ file: "case.sql", bytes: new TextEncoder().encode(sql) }, { target: on });
  return {
    findings: result.findings,
    errors: result.parseErrors.map((e) => `${e.line}:${e.column} ${e.message}`),
  };
}

/**
 * `featureId [detail] line:column` of each finding whose id is one of
 * `prefixes` or starts with one followed by a dot, in source order.
 */
export function found(sql: string, prefixes: readonly string[]): string[] {
  const { findings, errors } = assess(sql);
  if (errors.length > 0) {
    return errors.map((e) => `parse error ${e}`);
  }
  return [...findings]
    .sort((a, b) => a.line - b.line || a.column - b.column)
    .filter((f) => prefixes.some((p) => f.featureId === p || f.featureId.startsWith(`${p}.`)))
    .map((f) => `${f.featureId}${f.detail === undefined ? "" : ` [${f.detail}]`} ${f.line}:${f.column}`);
}

/** The status of the first finding with `featureId` on `on`. */
export function statusOf(sql: string, featureId: string, on: Target): string | undefined {
  return assess(sql, on).findings.find((f) => f.featureId === featureId)?.status;
}
