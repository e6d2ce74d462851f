import type { SqlSession } from "./connection.js";
import { CHILD_TABLES } from "./tables.js";

/**
 * Deletes the rows of `tables` that belong to one assessment. Child tables
 * have no foreign keys, so the store relies on this function to remove them.
 * Run it in the transaction that changes the assessment row.
 */
export async function deleteChildRows(
  session: SqlSession,
  key: number,
  tables: readonly string[] = CHILD_TABLES,
): Promise<void> {
  for (const table of tables) {
    await session.query(`delete from ${table} where assessment_key = $1`, [key]);
  }
}

/**
 * Deletes an assessment and all its rows if its status is one of `statuses`.
 * Returns false, deleting nothing, when it is not.
 */
export async function deleteAssessmentRows(
  session: SqlSession,
  key: number,
  statuses: readonly string[],
): Promise<boolean> {
  const deleted = await session.query(
    "delete from assessments where assessment_key = $1 " +
      "and status = any($2::text[]) returning assessment_key",
    [key, statuses],
  );
  if (deleted.length === 0) {
    return false;
  }

  await deleteChildRows(session, key);
  return true;
}
