/**
 * `--redact` of `infio assess` and `infio report`: every report file is
 * rendered from a redacted copy of the assessment (src/report/redact/),
 * with server, database, object and file names and code replaced by
 * pseudonyms. The stored assessment is never redacted.
 *
 * The key that orders the pseudonyms comes from the environment variable
 * that `--redact-key-env` names, so that runs with the same key and the
 * same assessment give the same pseudonyms. Without it each run draws a
 * random key, and pseudonyms are stable within that run's files only.
 * The pseudonym map, which undoes the redaction, is written only to the
 * file that `--pseudonym-map` names, with mode 0600.
 */

import { randomBytes } from "node:crypto";
import { isAbsolute, relative, resolve, sep } from "node:path";

import type { Command } from "commander";

import type { Assessment } from "../assessment/model.js";
import { redactAssessment, type PseudonymEntry } from "../report/redact/index.js";
import type { CliContext } from "./context.js";
import { UsageError } from "./errors.js";

/** `--redact` and its options, as parsed. */
export interface RedactReportOptions {
  /** `--redact-key-env`: the variable the key was read from. */
  readonly keyEnv?: string;
  /** The key that orders the pseudonyms; absent for a random key per run. */
  readonly key?: string;
  /** `--pseudonym-map`: where to write the map from names to pseudonyms, absolute. */
  readonly mapFile?: string;
}

export interface RawRedactOptions {
  redact?: boolean;
  redactKeyEnv?: string;
  pseudonymMap?: string;
}

/** The redaction of one run's reports, with its key drawn. */
export interface ReportRedaction {
  readonly secret: string | Uint8Array;
  readonly mapFile?: string;
}

/** Shortest key accepted from the environment; a short key can be guessed, and so can the order. */
export const MIN_REDACT_KEY_LENGTH = 16;

export function addRedactOptions(command: Command): Command {
  return command
    .option(
      "--redact",
      "replace server, database, object and file names and code in every report with pseudonyms, " +
        "for sharing with third parties; stored data stays as it is",
    )
    .option(
      "--redact-key-env <var>",
      "with --redact: read the key that orders the pseudonyms from this environment variable, " +
        "so that runs with the same key give the same pseudonyms (default: a random key per run)",
    )
    .option(
      "--pseudonym-map <file>",
      "with --redact: also write the map from each pseudonym to the real name to this file, " +
        "readable only by you; keep it away from the reports, because it undoes the redaction",
    );
}

/**
 * Returns the redaction options, or undefined without --redact. Throws
 * UsageError for its options without it, a missing or short key, or a map
 * file inside the report folder `out`.
 */
export function redactOptionsFrom(raw: RawRedactOptions, out: string, ctx: CliContext): RedactReportOptions | undefined {
  if (raw.redact !== true) {
    for (const [value, option] of [
      [raw.redactKeyEnv, "--redact-key-env"],
      [raw.pseudonymMap, "--pseudonym-map"],
    ] as const) {
      if (value !== undefined) {
        throw new UsageError(`${option} applies to --redact only; add --redact or leave it out`);
      }
    }
    return undefined;
  }

  const key = raw.redactKeyEnv === undefined ? undefined : keyFromEnvironment(raw.redactKeyEnv, ctx);
  const mapFile = raw.pseudonymMap === undefined ? undefined : mapFileFrom(raw.pseudonymMap, out, ctx);
  return {
    ...(raw.redactKeyEnv === undefined ? {} : { keyEnv: raw.redactKeyEnv }),
    ...(key === undefined ? {} : { key }),
    ...(mapFile === undefined ? {} : { mapFile }),
  };
}

/** Draws the run's key when none was given. */
export function reportRedaction(options: RedactReportOptions): ReportRedaction {
  return {
    secret: options.key ?? randomBytes(32),
    ...(options.mapFile === undefined ? {} : { mapFile: options.mapFile }),
  };
}

export interface RedactedView {
  readonly assessment: Assessment;
  readonly sources: ReadonlyMap<string, string> | undefined;
  readonly pseudonyms: readonly PseudonymEntry[];
}

/** Redacts the assessment and its source texts for the reports. */
export function redactedView(
  a: Assessment,
  sources: ReadonlyMap<string, string> | undefined,
  redaction: ReportRedaction,
): RedactedView {
  const redacted = redactAssessment(a, {
    ...(sources === undefined ? {} : { texts: sources }),
    secret: redaction.secret,
  });
  return { assessment: redacted.assessment, sources: redacted.texts, pseudonyms: redacted.pseudonyms };
}

/**
 * Yields the pseudonym map as JSON: the assessment and one entry per name,
 * sorted by kind and pseudonym.
 */
export function* pseudonymMapParts(assessmentId: string, entries: readonly PseudonymEntry[]): Generator<string> {
  const sorted = [...entries].sort(
    (x, y) => compare(x.kind, y.kind) || compareNumbered(x.pseudonym, y.pseudonym),
  );
  yield `{\n  "format": "infio-pseudonym-map",\n  "assessment": ${JSON.stringify(assessmentId)},\n  "pseudonyms": [`;
  let first = true;
  for (const e of sorted) {
    const entry = { kind: e.kind, pseudonym: e.pseudonym, name: e.name };
    yield `${first ? "" : ","}\n    ${JSON.stringify(entry)}`;
    first = false;
  }
  yield first ? "]\n}\n" : "\n  ]\n}\n";
}

function keyFromEnvironment(name: string, ctx: CliContext): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw new UsageError(
      `invalid --redact-key-env '${name}': pass the name of an environment variable, such as INFIO_REDACT_KEY`,
    );
  }
  const value = ctx.env[name];
  if (value === undefined || value === "") {
    throw new UsageError(
      `environment variable ${name} (--redact-key-env) is not set or empty; set it to a key of at ` +
        `least ${MIN_REDACT_KEY_LENGTH} random characters, such as the output of 'openssl rand -hex 32'`,
    );
  }
  if (value.length < MIN_REDACT_KEY_LENGTH) {
    throw new UsageError(
      `the key in environment variable ${name} (--redact-key-env) has ${value.length} characters; ` +
        `use at least ${MIN_REDACT_KEY_LENGTH} random characters, such as the output of 'openssl rand -hex 32'`,
    );
  }
  // The key keeps the order of the pseudonyms secret, so it is masked in every output.
  ctx.secrets?.add(value);
  return value;
}

function mapFileFrom(option: string, out: string, ctx: CliContext): string {
  if (option.trim() === "") {
    throw new UsageError("invalid --pseudonym-map '': pass the path of the file to write the map to");
  }
  const path = resolve(ctx.cwd, option);
  const inside = relative(out, path);
  const outside = inside === ".." || inside.startsWith(`..${sep}`) || isAbsolute(inside);
  if (!outside) {
    throw new UsageError(
      `--pseudonym-map '${option}' is inside the report folder '${out}'; the map undoes the ` +
        "redaction, so write it outside the folder that is shared",
    );
  }
  return path;
}

function compare(x: string, y: string): number {
  if (x < y) {
    return -1;
  }
  return x > y ? 1 : 0;
}

/** Orders `table2` before `table10`. */
function compareNumbered(x: string, y: string): number {
  const number = (s: string) => Number(/(\d+)/.exec(s)?.[1] ?? "0");
  return number(x) - number(y) || compare(x, y);
}
