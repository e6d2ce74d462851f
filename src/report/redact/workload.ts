/**
 * Redacts the workload part of an assessment: capture paths as source
 * paths, statement texts as code, and database, application and login
 * names with pseudonyms. The masked statements hold no literal values,
 * but their identifiers name the customer's tables and columns.
 */

import type { WorkloadSource } from "../../sources/workload/model.js";
import { keyDigest } from "../../sources/workload/normalise.js";
import { redactCode, type CodeContext } from "./code.js";
import type { Namer } from "./namer.js";
import { redactSourcePath } from "./names.js";

/**
 * Returns the workload with names and code redacted. The capture warnings
 * are left for the message step, because messages are searched for the
 * names this step registers.
 */
export function redactWorkloadNames(
  workload: WorkloadSource,
  file: (name: string) => string,
  code: CodeContext,
): WorkloadSource {
  const { namer } = code;
  const names = (list: readonly string[], kind: "database" | "login" | "name") =>
    list.map((n) => namer.name(n, kind));

  return {
    captures: workload.captures.map((c) => ({ ...c, file: redactSourcePath(c.file, namer) })),
    statements: workload.statements.map((s) => {
      const text = redactCode(s.text, code).text;
      return {
        ...s,
        file: file(s.file),
        // The hash of the original text would confirm a guessed statement.
        hash: keyDigest(text).slice(0, 16),
        text,
        databases: names(s.databases, "database"),
        // Application names have no kind of their own among the pseudonyms.
        applications: names(s.applications, "name"),
        logins: names(s.logins, "login"),
      };
    }),
  };
}

/**
 * Redacts the unit name of a workload statement, `workload:<capture>#<n>`,
 * keeping its shape and the capture's pseudonym; undefined for any other
 * unit name.
 */
export function redactWorkloadUnit(name: string, namer: Namer): string | undefined {
  const match = /^workload:(.*)#(\d+)$/s.exec(name);
  if (match === null) {
    return undefined;
  }
  return `workload:${redactSourcePath(match[1]!, namer)}#${match[2]}`;
}

/** Redacts the capture warnings with `prose`, the message redaction. */
export function redactWorkloadWarnings(workload: WorkloadSource, prose: (text: string) => string): WorkloadSource {
  return {
    ...workload,
    captures: workload.captures.map((c) => ({ ...c, warnings: c.warnings.map(prose) })),
  };
}
