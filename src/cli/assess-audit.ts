/**
 * The audit entries of `infio assess` and `infio collect`: what started
 * (assessment id, sources or server and databases, target, store), a
 * connection made without checking the server's certificate, and how the
 * run ended.
 */

import type { Assessment } from "../assessment/model.js";
import { formatTarget } from "../catalog/targets.js";
import type { JsonValue } from "../security/audit/entry.js";
import type { AssessOptions } from "./assess.js";
import type { AuditRecord } from "./audit-trail.js";
import type { LiveOptions } from "./live-options.js";

/** Returns the server and databases that live options name, as audit objects and details. */
export function liveScope(live: LiveOptions): { objects: Record<string, string>; details: Record<string, JsonValue> } {
  const server = live.parsed.server?.text;
  const databases = [...live.databases];
  return {
    objects: {
      ...(server === undefined ? {} : { server }),
      ...(databases.length === 1 ? { database: databases[0]! } : {}),
    },
    details: {
      // Empty means every user database, as --database given no times.
      databases,
      includeSystemDatabases: live.includeSystemDatabases,
      ...(server === undefined ? { serverFrom: "AWS Secrets Manager secret" } : {}),
    },
  };
}

/** `assessment.run`, outcome `started`: recorded before the source is opened. */
export function assessmentStarted(id: string, options: AssessOptions, storeLocation: string): AuditRecord {
  const collected = options.collected;
  const scope = collected?.kind === "live" ? liveScope(collected.live) : undefined;
  const source: Record<string, JsonValue> =
    collected === undefined
      ? { source: "scripts", paths: [...options.paths] }
      : collected.kind === "bundle"
        ? { source: "bundle", bundle: collected.path }
        : { source: "live-server", ...scope!.details };
  return {
    action: "assessment.run",
    outcome: "started",
    objects: { assessment: id, ...scope?.objects },
    details: {
      ...source,
      target: formatTarget(options.target),
      ...(options.compare === undefined ? {} : { compare: formatTarget(options.compare) }),
      store: storeLocation,
      out: options.out,
      formats: [...options.formats],
      encryptOutput: options.encryptOutput !== undefined,
      redact: options.redact !== undefined,
      ...(options.redact?.mapFile === undefined ? {} : { pseudonymMap: options.redact.mapFile }),
    },
  };
}

/**
 * `connection.tls-unverified`: the user turned certificate verification off
 * with --trust-server-certificate, so a server that impersonates SQL Server
 * would receive the password.
 */
export function tlsUnverified(action: "assess" | "collect", live: LiveOptions, id?: string): AuditRecord {
  const scope = liveScope(live);
  return {
    action: "connection.tls-unverified",
    outcome: "started",
    objects: { ...(id === undefined ? {} : { assessment: id }), ...scope.objects },
    details: { command: action, option: "--trust-server-certificate" },
  };
}

/** The end of one run of assess, as its audit entry records it. */
export interface AssessEnd {
  readonly code: number;
  readonly assessment?: Assessment;
  /** Report files written, absolute. */
  readonly reports?: readonly string[];
  readonly error?: string;
  readonly interrupted?: boolean;
}

/** `assessment.run` with its outcome: `succeeded` once the reports are written, else `failed`. */
export function assessmentFinished(id: string, end: AssessEnd, stored: boolean, encrypted: boolean): AuditRecord {
  const a = end.assessment;
  const server = a?.live?.server.address;
  const succeeded = end.error === undefined && end.interrupted !== true && end.reports !== undefined;
  return {
    action: "assessment.run",
    outcome: succeeded ? "succeeded" : "failed",
    objects: { assessment: id, ...(server === undefined ? {} : { server }) },
    details: {
      exitCode: end.code,
      stored: stored && a !== undefined,
      reports: [...(end.reports ?? [])],
      encrypted,
      ...(a === undefined ? {} : summaryOf(a)),
      ...(end.interrupted === true ? { interrupted: true } : {}),
      ...(end.error === undefined ? {} : { error: end.error }),
    },
  };
}

function summaryOf(a: Assessment): Record<string, JsonValue> {
  const s = a.summary;
  const findings = Object.values(s.findingsByStatus).reduce((x, y) => x + y, 0);
  return {
    files: s.files,
    findings,
    notSupported: s.findingsByStatus.notSupported,
    parseErrors: a.parseErrors.length,
    elapsedMs: Math.round(s.elapsedMs),
    ...(a.live === undefined ? {} : { databases: databasesRead(a) }),
  };
}

/** Names of the databases in the live inventory, in collection order. */
function databasesRead(a: Assessment): string[] {
  const rows = a.live?.inventory.databases ?? [];
  return rows
    .map((row) => (row as { name?: unknown }).name)
    .filter((name): name is string => typeof name === "string");
}
