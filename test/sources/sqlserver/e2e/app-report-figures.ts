/**
 * The figures an application report should show, computed in the test
 * from the stored assessments by the rules of docs/reports.md, without the
 * report's own code. Objects are keyed by server, database and name, each
 * in the category of its worst finding. Blockers are the distinct
 * not-supported features and details.
 */

import type { Assessment, FindingStatus } from "../../../../src/assessment/model.js";

export interface AssessedServer {
  readonly name: string;
  readonly source: "live" | "scripts";
  readonly assessment: Assessment;
}

export interface ExpectedCounts {
  objects: number;
  supported: number;
  conditionallySupported: number;
  notSupported: number;
  unknown: number;
}

export interface ExpectedBlocker {
  readonly key: string;
  occurrences: number;
  readonly servers: Set<string>;
}

export interface ExpectedFigures {
  readonly lines: number;
  readonly findingsByStatus: Record<string, number>;
  readonly counts: ExpectedCounts;
  readonly blockers: Map<string, ExpectedBlocker>;
}

const CATEGORY_RANK = { supported: 0, conditionallySupported: 1, unknown: 2, notSupported: 3 } as const;
type Category = keyof typeof CATEGORY_RANK;

function categoryOf(status: FindingStatus): Category {
  switch (status) {
    case "supported":
    case "ignored":
      return "supported";
    case "notSupported":
      return "notSupported";
    case "unknown":
      return "unknown";
    default:
      return "conditionallySupported";
  }
}

/**
 * Returns the database of a unit. A script folder is one database named
 * after its server. A live server's unit is `database.schema.name`, and
 * the Kestrel fixture's database names contain no dots.
 */
function databaseOf(server: AssessedServer, file: string): string {
  if (server.source === "scripts") {
    return server.name;
  }
  const dot = file.indexOf(".");
  return dot < 0 ? file : file.slice(0, dot);
}

export function expectedFigures(servers: readonly AssessedServer[]): ExpectedFigures {
  const findingsByStatus: Record<string, number> = {};
  const objects = new Map<string, Category>();
  const blockers = new Map<string, ExpectedBlocker>();
  let lines = 0;

  for (const server of servers) {
    const a = server.assessment;
    const filesWithObjects = new Set<string>();
    for (const unit of a.units) {
      lines += unit.lines;
    }
    for (const o of a.objects) {
      filesWithObjects.add(o.file);
      objects.set(`${server.name}|${databaseOf(server, o.file)}|${o.name}`, "supported");
    }

    for (const f of a.findings) {
      findingsByStatus[f.status] = (findingsByStatus[f.status] ?? 0) + 1;
      const database = databaseOf(server, f.file);
      const key = f.object === "" ? `${server.name}|${database}|file:${f.file}` : `${server.name}|${database}|${f.object}`;
      const category = categoryOf(f.status);
      const before = objects.get(key) ?? "supported";
      objects.set(key, CATEGORY_RANK[category] > CATEGORY_RANK[before] ? category : before);

      if (f.status === "notSupported") {
        const id = `${f.featureId}|${f.detail ?? ""}`;
        const blocker = blockers.get(id) ?? { key: id, occurrences: 0, servers: new Set<string>() };
        blocker.occurrences++;
        blocker.servers.add(server.name);
        blockers.set(id, blocker);
      }
    }

    // A file that defines no object and has no finding counts as one object.
    for (const unit of a.units) {
      const key = `${server.name}|${databaseOf(server, unit.file)}|file:${unit.file}`;
      if (!filesWithObjects.has(unit.file) && !objects.has(key)) {
        objects.set(key, "supported");
      }
    }
  }

  const counts: ExpectedCounts = { objects: 0, supported: 0, conditionallySupported: 0, notSupported: 0, unknown: 0 };
  for (const category of objects.values()) {
    counts.objects++;
    // Unknown objects count as not supported too, and again on their own.
    if (category === "unknown") {
      counts.unknown++;
      counts.notSupported++;
    } else {
      counts[category]++;
    }
  }
  return { lines, findingsByStatus, counts, blockers };
}

/** Percent of `part` in `whole`, rounded to one decimal. */
export function share(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
}
