/**
 * The `run` step of migration 4: seals the rows that a store of schema
 * version 1 to 3 kept in plain text (now in the `legacy_*` tables and
 * columns) into the sealed tables, then drops the plain ones. It runs in
 * the migration's transaction, so a failure (a missing master key, say)
 * leaves the store exactly as it was. Data keys created before such a
 * failure stay in the key folder and are reused by the next attempt.
 */

import { rowId } from "../bulk.js";
import type { SqlSession } from "../connection.js";
import { chunkId } from "../chunk-rows.js";
import { sealDetails, sealError, sealSources } from "../sealed-header.js";
import type { RowSealer } from "../sealing.js";
import type { AssessmentDetails } from "../store.js";
import { unescapeJson, unescapeText } from "../text-escape.js";
import type { MigrationContext } from "./migration.js";

/** Legacy tables and their columns, in the order of the sealed JSON array. */
const ROW_TABLES: readonly { table: string; columns: string }[] = [
  { table: "units", columns: "file, encoding, lines, bytes, batches, batches_with_errors, statements" },
  { table: "objects", columns: "name, type, file, line_number, lines" },
  { table: "parse_errors", columns: "file, line_number, column_number, message, code" },
  { table: "skipped_inputs", columns: "file, reason, message" },
];

/** Legacy rows read and inserted per statement. */
const PAGE_ROWS = 5_000;

const DROP_LEGACY = `
drop table legacy_sources, legacy_units, legacy_objects, legacy_parse_errors,
  legacy_skipped_inputs, legacy_inventory, legacy_finding_chunks;
alter table assessments drop column legacy_error,
  drop column legacy_overrides, drop column legacy_effort,
  drop column legacy_comparison;
`;

type LegacyHeader = {
  readonly assessment_key: string | number;
  readonly id: string;
  readonly legacy_error: string | null;
  readonly legacy_overrides: string | null;
  readonly legacy_effort: string | null;
  readonly legacy_comparison: string | null;
};

export async function sealLegacyRows(
  session: SqlSession,
  context: MigrationContext,
): Promise<void> {
  const headers = await session.query<LegacyHeader>(
    "select assessment_key, id, legacy_error, legacy_overrides::text, " +
      "legacy_effort::text, legacy_comparison::text " +
      "from assessments order by assessment_key",
  );
  if (headers.length > 0 && context.openOrCreateKey === undefined) {
    throw new Error(
      `the store holds ${headers.length} assessments stored before infio ` +
        "encrypted them, and no master key was given to encrypt them with",
    );
  }

  for (const header of headers) {
    const sealer = await context.openOrCreateKey!(unescapeText(header.id));
    const key = Number(header.assessment_key);
    await sealHeader(session, key, header, sealer);
    for (const spec of ROW_TABLES) {
      await sealTable(session, key, spec.table, spec.columns, sealer);
    }
    await sealInventory(session, key, sealer);
    await sealFindingChunks(session, key, sealer);
  }
  await session.exec(DROP_LEGACY);
}

async function sealHeader(
  session: SqlSession,
  key: number,
  header: LegacyHeader,
  sealer: RowSealer,
): Promise<void> {
  const sources = await session.query<{ location: string }>(
    "select location from legacy_sources where assessment_key = $1 order by ordinal",
    [key],
  );
  const details: Record<string, unknown> = {};
  for (const name of ["overrides", "effort", "comparison"] as const) {
    const json = header[`legacy_${name}`];
    if (json !== null) {
      details[name] = unescapeJson(JSON.parse(json));
    }
  }

  await session.query(
    "update assessments set sources = $2, error = $3, details = $4 where assessment_key = $1",
    [
      key,
      sealSources(sealer, sources.map((row) => unescapeText(row.location))),
      header.legacy_error === null ? null : sealError(sealer, unescapeText(header.legacy_error)),
      sealDetails(sealer, details as AssessmentDetails),
    ],
  );
}

/** Seals one table's rows: the JSON array of its columns, unescaped. */
async function sealTable(
  session: SqlSession,
  key: number,
  table: string,
  columns: string,
  sealer: RowSealer,
): Promise<void> {
  for (let from = 0; ; ) {
    const rows = await session.query<{ ordinal: number; row: string }>(
      `select ordinal, json_build_array(${columns})::text as row from legacy_${table} ` +
        "where assessment_key = $1 and ordinal >= $2 order by ordinal limit $3",
      [key, from, PAGE_ROWS],
    );
    if (rows.length === 0) {
      return;
    }

    const ordinals = rows.map((row) => Number(row.ordinal));
    const sealed = rows.map((row, i) =>
      base64(sealer.seal(table, rowId(ordinals[i]!), JSON.stringify(unescapeJson(JSON.parse(row.row))))),
    );
    await session.query(
      `insert into ${table} (assessment_key, ordinal, sealed) ` +
        "select $1::bigint, t.o, decode(t.s, 'base64') from unnest($2::integer[], $3::text[]) as t(o, s)",
      [key, ordinals, sealed],
    );
    from = ordinals[ordinals.length - 1]! + 1;
  }
}

/** Seals inventory items; their text stays escaped, as the writer stores it. */
async function sealInventory(session: SqlSession, key: number, sealer: RowSealer): Promise<void> {
  const kinds = await session.query<{ kind: string }>(
    "select distinct kind from legacy_inventory where assessment_key = $1 order by kind",
    [key],
  );
  for (const { kind } of kinds) {
    for (let from = 0; ; ) {
      const rows = await session.query<{ ordinal: number; item: string }>(
        "select ordinal, item::text as item from legacy_inventory " +
          "where assessment_key = $1 and kind = $2 and ordinal >= $3 order by ordinal limit $4",
        [key, kind, from, PAGE_ROWS],
      );
      if (rows.length === 0) {
        break;
      }

      const ordinals = rows.map((row) => Number(row.ordinal));
      const sealed = rows.map((row, i) => base64(sealer.seal("inventory", rowId(ordinals[i]!, kind), row.item)));
      await session.query(
        "insert into inventory (assessment_key, kind, ordinal, sealed) " +
          "select $1::bigint, $2::text, t.o, decode(t.s, 'base64') " +
          "from unnest($3::integer[], $4::text[]) as t(o, s)",
        [key, kind, ordinals, sealed],
      );
      from = ordinals[ordinals.length - 1]! + 1;
    }
  }
}

/** Seals finding chunks one at a time; each can be megabytes of text. */
async function sealFindingChunks(session: SqlSession, key: number, sealer: RowSealer): Promise<void> {
  for (let from = 0; ; ) {
    const [row] = await session.query<{ first_ordinal: number; row_count: number; data: string }>(
      "select first_ordinal, row_count, data from legacy_finding_chunks " +
        "where assessment_key = $1 and first_ordinal >= $2 order by first_ordinal limit 1",
      [key, from],
    );
    if (row === undefined) {
      return;
    }

    const first = Number(row.first_ordinal);
    const count = Number(row.row_count);
    await session.query(
      "insert into finding_chunks (assessment_key, first_ordinal, row_count, sealed) " +
        "values ($1, $2, $3, decode($4, 'base64'))",
      [key, first, count, base64(sealer.seal("finding_chunks", chunkId(first, count), row.data))],
    );
    from = first + count;
  }
}

/** Binary values travel as base64 text, which PGlite converts much faster (bulk.ts). */
function base64(bytes: Buffer): string {
  return bytes.toString("base64");
}
