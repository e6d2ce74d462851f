/**
 * The storage of an assessment's application-code part in the inventory
 * table, under three kinds named `app-code.*`: one summary item, the
 * files, and the statements. Inventory rows are sealed like every row of
 * an assessment, so the statements are encrypted at rest.
 */

import type {
  AppCodeFile,
  AppCodeStatement,
  ApplicationCodeSource,
} from "../sources/app-code/model.js";
import type { AssessmentWriter } from "./store.js";

/** One item: the counts of ApplicationCodeSource. Its presence marks a scan of application code. */
export const APP_CODE_SUMMARY_KIND = "app-code.summary";
/** AppCodeFile items in walk order. */
export const APP_CODE_FILES_KIND = "app-code.files";
/** AppCodeStatement items in file order. */
export const APP_CODE_STATEMENTS_KIND = "app-code.statements";

type AppCodeSummary = Omit<ApplicationCodeSource, "files" | "statements">;

export async function writeAppCodeSource(writer: AssessmentWriter, source: ApplicationCodeSource): Promise<void> {
  const { files, statements, ...summary } = source;
  await writer.addInventory(APP_CODE_SUMMARY_KIND, [summary]);
  await writer.addInventory(APP_CODE_FILES_KIND, files);
  await writer.addInventory(APP_CODE_STATEMENTS_KIND, statements);
}

/**
 * Reads the application-code part with `readKind`, which returns the items
 * of one kind in saved order; undefined for an assessment without it.
 */
export async function readAppCodeSource(
  readKind: (kind: string) => Promise<unknown[]>,
): Promise<ApplicationCodeSource | undefined> {
  const [summary] = (await readKind(APP_CODE_SUMMARY_KIND)) as AppCodeSummary[];
  if (summary === undefined) {
    return undefined;
  }
  const files = (await readKind(APP_CODE_FILES_KIND)) as AppCodeFile[];
  const statements = (await readKind(APP_CODE_STATEMENTS_KIND)) as AppCodeStatement[];
  return { ...summary, files, statements };
}
