/**
 * The statements of a workload assessment as SARIF artifacts. A captured
 * statement is no file a code-scanning tool could open, so each statement
 * with a result is embedded in `run.artifacts` with its masked text as
 * `contents.text` (SARIF 2.1.0, section 3.24.8), and its results point at
 * it by `artifactLocation.index`.
 */

import type { Assessment, Finding } from "../assessment/model.js";
import { artifactLocation } from "./sarif-uri.js";

export interface WorkloadArtifacts {
  /** `run.artifacts`, in the order of the statements. */
  readonly artifacts: readonly object[];
  /** Artifact index by unit name. */
  readonly indexByUnit: ReadonlyMap<string, number>;
  /** Executions by unit name, for the results' properties. */
  readonly executions: ReadonlyMap<string, number>;
}

/**
 * Returns the artifacts of the statements that have a result: a finding
 * that `reported` keeps, or a parse error. Undefined for an assessment of
 * another source.
 */
export function workloadArtifacts(
  a: Assessment,
  reported: (finding: Finding) => boolean,
): WorkloadArtifacts | undefined {
  if (a.workload === undefined) {
    return undefined;
  }

  const withResults = new Set<string>();
  for (const finding of a.findings) {
    if (reported(finding)) {
      withResults.add(finding.file);
    }
  }
  for (const error of a.parseErrors) {
    withResults.add(error.file);
  }

  const artifacts: object[] = [];
  const indexByUnit = new Map<string, number>();
  const executions = new Map<string, number>();
  for (const s of a.workload.statements) {
    executions.set(s.file, s.executions);
    if (!withResults.has(s.file)) {
      continue;
    }
    indexByUnit.set(s.file, artifacts.length);
    artifacts.push({
      // A relative URI without the SRCROOT base: the statement lies under no source folder.
      location: { uri: artifactLocation(s.file).uri },
      description: { text: `Captured statement ${s.hash}, run ${s.executions} time(s), literals masked` },
      contents: { text: s.text },
      sourceLanguage: "tsql",
      properties: { executions: s.executions, hash: s.hash },
    });
  }
  return { artifacts, indexByUnit, executions };
}
