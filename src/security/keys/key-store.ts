/**
 * Storage of wrapped data keys. The keyring only needs these five
 * operations, so a table in the PostgreSQL store can replace the folder of
 * files used today.
 */

import type { Result } from "../errors.js";
import type { DataKeyRecord } from "./data-key.js";

export interface DataKeyStore {
  /** Returns the record of `assessmentId`, or undefined when there is none. */
  read(assessmentId: string): Promise<Result<DataKeyRecord | undefined>>;

  /** Creates the record, failing when one exists for the assessment. */
  create(record: DataKeyRecord): Promise<Result<void>>;

  /** Replaces an existing record atomically: a crash leaves old or new. */
  replace(record: DataKeyRecord): Promise<Result<void>>;

  /**
   * Deletes the record; returns false when there was none. Once deleted,
   * data encrypted under the key cannot be decrypted.
   */
  delete(assessmentId: string): Promise<Result<boolean>>;

  /** Returns the assessment ids that have a record, sorted. */
  list(): Promise<Result<string[]>>;
}
