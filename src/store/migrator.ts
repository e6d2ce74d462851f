import { LOCK_NAMESPACE, MIGRATION_LOCK_KEY } from "./advisory-locks.js";
import type { SqlConnection, SqlSession } from "./connection.js";
import { StoreError, describeError } from "./errors.js";
import { MIGRATIONS, type Migration } from "./migrations/index.js";
import type { MigrationContext } from "./migrations/migration.js";

export interface AppliedMigration {
  readonly version: number;
  readonly name: string;
}

export type MigrationResult =
  | {
      readonly ok: true;
      /** Schema version before the run; 0 for an empty database. */
      readonly fromVersion: number;
      readonly toVersion: number;
      /** Migrations this run applied, empty when the schema was current. */
      readonly applied: readonly AppliedMigration[];
    }
  | { readonly ok: false; readonly error: StoreError };

/** Raised inside the transaction to roll it back with a prepared error. */
class MigrationAbort extends Error {
  readonly storeError: StoreError;

  constructor(storeError: StoreError) {
    super(storeError.message);
    this.storeError = storeError;
  }
}

/**
 * Brings the schema up to the newest of `migrations`, applying all pending
 * ones in a single transaction, so a failure leaves the schema unchanged.
 * Rejects a database whose schema is newer than `migrations` know.
 * Returns failures as results and does not throw.
 */
export async function migrate(
  connection: SqlConnection,
  migrations: readonly Migration[] = MIGRATIONS,
  context: MigrationContext = {},
): Promise<MigrationResult> {
  const known = checkMigrationList(migrations);
  if (known !== undefined) {
    return { ok: false, error: known };
  }

  try {
    return await connection.transaction((session) =>
      applyPending(session, migrations, context),
    );
  } catch (error) {
    if (error instanceof MigrationAbort) {
      return { ok: false, error: error.storeError };
    }
    const message = `cannot migrate the store schema: ${describeError(error)}`;
    return {
      ok: false,
      error: new StoreError("migration-failed", message, { cause: error }),
    };
  }
}

async function applyPending(
  session: SqlSession,
  migrations: readonly Migration[],
  context: MigrationContext,
): Promise<MigrationResult> {
  // Two processes opening the same server at once would otherwise both try
  // to create the schema; the second waits here and then finds it current.
  await session.query("select pg_advisory_xact_lock($1, $2)", [
    LOCK_NAMESPACE,
    MIGRATION_LOCK_KEY,
  ]);
  await session.exec(`
    create table if not exists schema_migrations (
      version integer primary key,
      name text not null,
      applied_at timestamptz not null default now()
    )`);

  const rows = await session.query<{ version: number; name: string }>(
    "select version, name from schema_migrations order by version",
  );
  const fromVersion = rows.length === 0 ? 0 : rows[rows.length - 1].version;
  const newest = migrations[migrations.length - 1]?.version ?? 0;

  if (fromVersion > newest) {
    throw new MigrationAbort(
      new StoreError(
        "schema-too-new",
        `the store schema is at version ${fromVersion}, newer than the ` +
          `newest this infio knows (${newest}); upgrade infio, or use ` +
          "another store with --store",
      ),
    );
  }
  checkRecordedNames(rows, migrations);

  const applied: AppliedMigration[] = [];
  for (const migration of migrations) {
    if (migration.version <= fromVersion) {
      continue;
    }

    await runMigration(session, migration, context);
    applied.push({ version: migration.version, name: migration.name });
  }
  return { ok: true, fromVersion, toVersion: newest, applied };
}

async function runMigration(
  session: SqlSession,
  migration: Migration,
  context: MigrationContext,
): Promise<void> {
  try {
    await session.exec(migration.sql);
    await migration.run?.(session, context);
    await session.query(
      "insert into schema_migrations (version, name) values ($1, $2)",
      [migration.version, migration.name],
    );
  } catch (error) {
    const label = `${migration.version} '${migration.name}'`;
    throw new MigrationAbort(
      new StoreError(
        "migration-failed",
        `cannot apply store migration ${label}: ${describeError(error)}; ` +
          "the schema was left unchanged",
        { cause: error },
      ),
    );
  }
}

/**
 * Rejects a recorded migration whose name differs from this code's, because
 * then the database was created by other code.
 */
function checkRecordedNames(
  rows: readonly { version: number; name: string }[],
  migrations: readonly Migration[],
): void {
  for (const row of rows) {
    const expected = migrations.find((m) => m.version === row.version);
    if (expected !== undefined && expected.name === row.name) {
      continue;
    }

    throw new MigrationAbort(
      new StoreError(
        "migration-failed",
        `the store records migration ${row.version} '${row.name}', but this ` +
          `infio expects '${expected?.name ?? "(none)"}'; the database was ` +
          "not created by this infio, so use another store with --store",
      ),
    );
  }
}

function checkMigrationList(
  migrations: readonly Migration[],
): StoreError | undefined {
  for (const [index, migration] of migrations.entries()) {
    if (migration.version !== index + 1) {
      return new StoreError(
        "migration-failed",
        `store migration '${migration.name}' has version ` +
          `${migration.version}, expected ${index + 1}: versions must be ` +
          "consecutive from 1",
      );
    }
  }
  return undefined;
}
