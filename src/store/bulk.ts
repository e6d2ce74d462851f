import type { SqlSession } from "./connection.js";
import { StoreError } from "./errors.js";
import type { TableSpec } from "./tables.js";

const INT4_MAX = 2_147_483_647;

const insertSql = new Map<string, string>();

/**
 * Inserts `rows` into a child table with one statement, whatever the number
 * of rows: each column is bound as one array and expanded by `unnest`, which
 * keeps the statement far below PostgreSQL's limit of 65535 parameters.
 * Ordinals run from `firstOrdinal` in row order.
 */
export async function insertRows<T>(
  session: SqlSession,
  spec: TableSpec<T>,
  assessmentKey: number,
  firstOrdinal: number,
  rows: readonly T[],
): Promise<void> {
  if (rows.length === 0) {
    return;
  }

  const arrays = spec.columns.map((column) => {
    const values = new Array<string | number | null>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      values[i] = column.write(rows[i]);
    }
    if (column.type === "integer" || column.type === "bigint") {
      checkIntegers(spec.table, column.name, column.type, values);
    }
    return values;
  });

  await session.query(insertStatement(spec), [
    assessmentKey,
    firstOrdinal,
    ...arrays,
  ]);
}

/**
 * Reads the rows with ordinals in `[from, from + count)` as one JSON array,
 * because parsing one JSON text was about twice as fast as PGlite 0.5.17's
 * per-cell row decoding (measured with bench/store.ts).
 */
export async function readRows<T>(
  session: SqlSession,
  spec: TableSpec<T>,
  assessmentKey: number,
  from: number,
  count: number,
  kind?: string,
): Promise<T[]> {
  const columns = spec.columns.map((column) => column.name).join(", ");
  const kindFilter = kind === undefined ? "" : " and kind = $4";
  const sql =
    `select coalesce(json_agg(json_build_array(${columns}) ` +
    `order by ordinal), '[]')::text as rows from ${spec.table} ` +
    `where assessment_key = $1 and ordinal >= $2 and ordinal < $3` +
    kindFilter;
  const parameters =
    kind === undefined
      ? [assessmentKey, from, from + count]
      : [assessmentKey, from, from + count, kind];

  const [result] = await session.query<{ rows: string }>(sql, parameters);
  const values = JSON.parse(result.rows) as unknown[][];
  return values.map((row) => spec.read(row));
}

function insertStatement<T>(spec: TableSpec<T>): string {
  const cached = insertSql.get(spec.table);
  if (cached !== undefined) {
    return cached;
  }

  const names = spec.columns.map((column) => column.name).join(", ");
  const aliases = spec.columns.map((_, i) => `c${i}`);
  const selected = spec.columns.map((column, i) =>
    column.type === "jsonb" ? `t.c${i}::jsonb` : `t.c${i}`,
  );
  // jsonb values travel as text so both drivers send them the same way.
  const unnested = spec.columns.map((column, i) => {
    const type = column.type === "jsonb" ? "text" : column.type;
    return `$${i + 3}::${type}[]`;
  });

  const sql =
    `insert into ${spec.table} (assessment_key, ordinal, ${names}) ` +
    `select $1::bigint, $2::integer + t.n::integer - 1, ` +
    `${selected.join(", ")} ` +
    `from unnest(${unnested.join(", ")}) ` +
    `with ordinality as t(${aliases.join(", ")}, n)`;
  insertSql.set(spec.table, sql);
  return sql;
}

function checkIntegers(
  table: string,
  column: string,
  type: "integer" | "bigint",
  values: readonly (string | number | null)[],
): void {
  const max = type === "integer" ? INT4_MAX : Number.MAX_SAFE_INTEGER;
  for (const value of values) {
    if (Number.isSafeInteger(value) && Math.abs(value as number) <= max) {
      continue;
    }

    throw new StoreError(
      "invalid-data",
      `cannot store ${table}.${column} value ${String(value)}: expected an ` +
        `integer up to ${max}`,
    );
  }
}
