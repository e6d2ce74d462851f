/**
 * Migration targets: parsing `babelfish`, `babelfish@5.5`, `postgresql@17`
 * and comparing versions.
 */
import {
  BABELFISH_RELEASES,
  POSTGRESQL_MAJORS,
} from "./babelfish-versions.js";

export type Product = "babelfish" | "postgresql";

export interface Target {
  readonly product: Product;
  /** Full Babelfish release (`5.5.0`) or PostgreSQL major (`17`). */
  readonly version: string;
}

export type TargetResult =
  | { readonly ok: true; readonly target: Target }
  | { readonly ok: false; readonly error: string };

/**
 * Compares dotted numeric versions part by part; missing parts count as 0.
 * Returns a negative number, zero or a positive number.
 */
export function compareVersions(left: string, right: string): number {
  const a = left.split(".").map(Number);
  const b = right.split(".").map(Number);
  const length = Math.max(a.length, b.length);

  for (let i = 0; i < length; i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }

  return 0;
}

export function babelfishVersions(): readonly string[] {
  return BABELFISH_RELEASES.map((release) => release.version);
}

export function latestBabelfishVersion(): string {
  const versions = babelfishVersions();
  return versions[versions.length - 1]!;
}

export function latestPostgresqlMajor(): string {
  return POSTGRESQL_MAJORS[POSTGRESQL_MAJORS.length - 1]!;
}

/** Renders a target the way users type it, e.g. `babelfish@5.5.0`. */
export function formatTarget(target: Target): string {
  return `${target.product}@${target.version}`;
}

const VERSION_PATTERN = /^\d+(\.\d+){0,2}$/;

/**
 * Parses a target name. `babelfish` alone means the latest listed release,
 * and `postgresql` alone the latest listed major. `babelfish@5` means the
 * latest listed release of Babelfish 5, and `babelfish@5.5` matches the
 * release `5.5.0`. Never throws: a bad value yields an error message that
 * quotes it and lists the valid values.
 */
export function parseTarget(text: string): TargetResult {
  const trimmed = text.trim().toLowerCase();
  const at = trimmed.indexOf("@");
  const product = at < 0 ? trimmed : trimmed.slice(0, at);
  const version = at < 0 ? undefined : trimmed.slice(at + 1);

  if (product === "babelfish") return parseBabelfish(text, version);
  if (product === "postgresql" || product === "postgres") {
    return parsePostgresql(text, version);
  }

  return {
    ok: false,
    error:
      `invalid target '${text}': unknown product '${product}'; ` +
      `use babelfish[@VERSION] or postgresql[@MAJOR]`,
  };
}

function parseBabelfish(text: string, version?: string): TargetResult {
  if (version === undefined) {
    return {
      ok: true,
      target: { product: "babelfish", version: latestBabelfishVersion() },
    };
  }

  const known = babelfishVersions();
  const match = VERSION_PATTERN.test(version)
    ? matchBabelfishVersion(known, version)
    : undefined;

  if (match === undefined) {
    return {
      ok: false,
      error:
        `invalid target '${text}': Babelfish version '${version}' ` +
        `is not known; valid versions: ${known.join(", ")}, ` +
        `or a major version alone for its latest release`,
    };
  }

  return { ok: true, target: { product: "babelfish", version: match } };
}

/**
 * Finds the listed release that `version` names. A bare major (`5`) names
 * the latest listed release of that major, and `5.5` or `5.5.0` names 5.5.0.
 */
function matchBabelfishVersion(
  known: readonly string[],
  version: string,
): string | undefined {
  if (!version.includes(".")) {
    const major = Number(version);
    const releases = known.filter(
      (candidate) => Number(candidate.split(".")[0]) === major,
    );
    return releases.at(-1);
  }

  return known.find((candidate) => compareVersions(candidate, version) === 0);
}

function parsePostgresql(text: string, version?: string): TargetResult {
  if (version === undefined) {
    return {
      ok: true,
      target: { product: "postgresql", version: latestPostgresqlMajor() },
    };
  }

  if (!POSTGRESQL_MAJORS.includes(version)) {
    return {
      ok: false,
      error:
        `invalid target '${text}': PostgreSQL major version '${version}' ` +
        `is not supported; valid majors: ${POSTGRESQL_MAJORS.join(", ")}`,
    };
  }

  return { ok: true, target: { product: "postgresql", version } };
}
