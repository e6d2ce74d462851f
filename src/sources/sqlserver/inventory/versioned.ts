/**
 * Queries written once per SQL Server version, for catalog views that
 * gained columns after SQL Server 2016. Each variant is valid on its own
 * versions and returns the same columns, with NULL where its version has
 * no such column, so the part reads every variant the same way.
 */

import { defineQuery, type CatalogQuery, type QueryScope } from "../catalog-query.js";

/** Release years by major version, for ids a DBA recognises. */
const RELEASE_YEARS: Readonly<Record<number, number>> = {
  13: 2016,
  14: 2017,
  15: 2019,
  16: 2022,
};

export interface VersionedQueryDefinition {
  /** Id stem. Each variant's id adds its release year, e.g. `inventory.tables.2017`. */
  readonly id: string;
  readonly scope: QueryScope;
  /** Views read, the same for every variant or written per version. */
  readonly reads: readonly string[] | ((majorVersion: number) => readonly string[]);
  readonly permission: string;
  /** Lowest major version of each variant, e.g. [13, 14] for 2016 and 2017. */
  readonly versions: readonly number[];
  /** Writes the statement for a server of this major version. */
  readonly sql: (majorVersion: number) => string;
}

/** Declares one query per version; the result is in ascending version order. */
export function defineVersionedQueries(definition: VersionedQueryDefinition): CatalogQuery[] {
  const versions = [...definition.versions].sort((a, b) => a - b);

  return versions.map((version) => {
    const year = RELEASE_YEARS[version];
    if (year === undefined) {
      throw new RangeError(
        `invalid major version ${version} for query '${definition.id}'; use 13 to 16`,
      );
    }
    return defineQuery({
      id: `${definition.id}.${year}`,
      scope: definition.scope,
      sql: definition.sql(version),
      reads: typeof definition.reads === "function" ? definition.reads(version) : definition.reads,
      permission: definition.permission,
      minVersion: version,
    });
  });
}

/**
 * Picks the variant for the newest version the server has. A server older
 * than every variant gets the oldest one, which may fail there: infio
 * supports SQL Server 2016 and later.
 */
export function queryForVersion(
  variants: readonly CatalogQuery[],
  majorVersion: number,
): CatalogQuery {
  let chosen: CatalogQuery | undefined;
  for (const query of variants) {
    const since = query.minVersion ?? 0;
    if (since <= majorVersion && (chosen === undefined || since > (chosen.minVersion ?? 0))) {
      chosen = query;
    }
  }

  const fallback = variants[0];
  if (chosen === undefined && fallback === undefined) {
    throw new Error("no query variants given");
  }
  return chosen ?? fallback!;
}

/**
 * Writes a select-list entry for a column that exists from `since` on,
 * and a typed NULL under the same name on older versions. The name is the
 * column's, as in `t.is_node AS is_node`.
 */
export function columnSince(
  majorVersion: number,
  since: number,
  column: string,
  nullType: string,
): string {
  const name = column.slice(column.lastIndexOf(".") + 1);
  return majorVersion >= since ? `${column} AS ${name}` : `CAST(NULL AS ${nullType}) AS ${name}`;
}
