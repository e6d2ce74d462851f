/**
 * Compares two assessments as diff.ts does, but sets apart the findings
 * that the other assessment could not have found. A finding only in A is
 * "not compared" rather than fixed when B did not read its database
 * (offline, no access, left out of the scope), its server-level code or its
 * unit. The same is true of a finding only in B where A could not read.
 */

import { diffFindings, type FindingsDiff } from "./diff.js";
import { codeNotRead, liveCoverage, type CodeNotRead } from "./live-coverage.js";
import type { Assessment, Finding, SkippedInput } from "./model.js";

export interface NotCompared {
  readonly finding: Finding;
  /**
   * `before`: the finding is only in A, where B could not read.
   * `after`: it is only in B, where A could not read.
   */
  readonly side: "before" | "after";
  /** The part the other assessment could not read, for example `database 'Sales' was not read in B (database-unavailable)`. */
  readonly reason: string;
}

export interface AssessmentsDiff extends FindingsDiff {
  readonly notCompared: readonly NotCompared[];
  /** One line per reason, with how many findings it kept from being compared. */
  readonly notes: readonly string[];
}

/** Skip reasons whose unit had no code to find anything in, so its findings did go away. */
const EMPTY_REASONS: readonly string[] = ["empty"];

/** Diffs the findings of `before` (A) and `after` (B), setting apart those not compared. */
export function diffAssessments(before: Assessment, after: Assessment): AssessmentsDiff {
  const diff = diffFindings(before.findings, after.findings);
  const notCompared: NotCompared[] = [];

  const split = (findings: readonly Finding[], side: NotCompared["side"]): Finding[] => {
    const owner = side === "before" ? before : after;
    const other = side === "before" ? after : before;
    const gaps = new ReadGaps(other, side === "before" ? "B" : "A");
    const known = knownDatabases(owner, other);
    const compared: Finding[] = [];
    for (const finding of findings) {
      const reason = gaps.reasonFor(finding, owner, known);
      if (reason === undefined) {
        compared.push(finding);
      } else {
        notCompared.push({ finding, side, reason });
      }
    }
    return compared;
  };

  const fixed = split(diff.fixed, "before");
  const added = split(diff.added, "after");
  return { ...diff, fixed, added, notCompared, notes: notesOf(notCompared) };
}

/** The parts that one assessment could not read, checked for each finding of the other. */
class ReadGaps {
  readonly #label: string;
  readonly #skipped: ReadonlyMap<string, SkippedInput>;
  readonly #live: boolean;
  readonly #code: CodeNotRead | undefined;
  /** Databases with inventory items or code units, by lower-case name. */
  readonly #read = new Set<string>();

  constructor(assessment: Assessment, label: string) {
    this.#label = label;
    this.#skipped = new Map(
      assessment.skipped.filter((s) => !EMPTY_REASONS.includes(s.reason)).map((s) => [s.file, s]),
    );
    this.#live = assessment.live !== undefined;
    if (assessment.live !== undefined) {
      this.#code = codeNotRead(assessment.live);
      for (const name of liveCoverage(assessment.live).databasesRead) {
        this.#read.add(name.toLowerCase());
      }
      const known = knownDatabases(assessment);
      for (const unit of assessment.units) {
        const database = databaseOf(unit.file, known);
        if (database !== undefined) {
          this.#read.add(database.toLowerCase());
        }
      }
    }
  }

  /** Returns why `finding` of `owner` cannot be compared, or undefined when it can. */
  reasonFor(finding: Finding, owner: Assessment, known: readonly string[]): string | undefined {
    const skipped = this.#skipped.get(finding.file);
    if (skipped !== undefined) {
      return `'${finding.file}' was skipped in ${this.#label} (${skipped.reason})`;
    }
    if (!this.#live || owner.live === undefined || this.#code === undefined) {
      return undefined;
    }

    const database = databaseOf(finding.file, known);
    if (database === undefined) {
      return this.#serverLevelReason(finding.file);
    }
    const problem = this.#code.databases.get(database.toLowerCase());
    if (problem !== undefined) {
      const whole = problem.part === "database" || !this.#read.has(database.toLowerCase());
      return whole
        ? `database '${database}' was not read in ${this.#label} (${problem.reason})`
        : `database '${database}' was not fully read in ${this.#label} ` +
            `(${problem.reason} in part '${problem.part}')`;
    }
    if (!this.#read.has(database.toLowerCase())) {
      return `database '${database}' was not read in ${this.#label}`;
    }
    return undefined;
  }

  #serverLevelReason(file: string): string | undefined {
    const code = this.#code;
    if (file.startsWith("server.") && code?.serverModules !== undefined) {
      return `server triggers were not read in ${this.#label} (${code.serverModules.reason})`;
    }
    if (file.startsWith("agent.") && code?.agentSteps !== undefined) {
      return `SQL Agent job steps were not read in ${this.#label} (${code.agentSteps.reason})`;
    }
    return undefined;
  }
}

/**
 * Returns the database names the assessments know of, longest first: the
 * server's list of databases, those with inventory items, and those named
 * by problems.
 */
function knownDatabases(...assessments: readonly Assessment[]): string[] {
  const names = new Set<string>();
  for (const a of assessments) {
    if (a.live === undefined) {
      continue;
    }
    for (const items of Object.values(a.live.inventory)) {
      for (const item of items) {
        if (typeof item.database === "string" && item.database !== "") {
          names.add(item.database);
        }
      }
    }
    for (const item of a.live.inventory.databases ?? []) {
      if (typeof item.name === "string" && item.name !== "") {
        names.add(item.name);
      }
    }
    for (const p of a.live.problems) {
      if (p.database !== undefined && p.database !== "") {
        names.add(p.database);
      }
    }
  }
  return [...names].sort((x, y) => y.length - x.length);
}

/**
 * Returns the database of a module's unit name (`database.schema.name`):
 * the longest known name that the unit starts with, compared without case,
 * so that a database name with a dot in it is matched whole. Undefined for
 * server-level units (`server.NAME`, `agent.JOB.step N`) and scripts.
 */
function databaseOf(file: string, known: readonly string[]): string | undefined {
  const lower = file.toLowerCase();
  return known.find((name) => lower.startsWith(`${name.toLowerCase()}.`));
}

function notesOf(notCompared: readonly NotCompared[]): string[] {
  const counts = new Map<string, number>();
  for (const n of notCompared) {
    const key = `${n.side === "before" ? "A" : "B"}\u0000${n.reason}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => {
    const [side, reason] = key.split("\u0000");
    return `${count} finding(s) of ${side} not compared: ${reason}`;
  });
}
