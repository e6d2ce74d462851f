/**
 * Sealing of stored values: AES-256-GCM under the assessment's data key,
 * in the value envelope of security/envelope.ts. The associated data binds
 * the assessment id (through the key), a field name (the table, or
 * `assessments.<column>`) and a row id (the ordinal, with the inventory
 * kind or the chunk's row count), so a sealed value copied to another row,
 * table or assessment fails to open instead of showing the wrong data.
 */

import { decryptValue, encryptValue } from "../security/envelope.js";
import type { DataKey } from "../security/keys/data-key.js";
import { StoreError } from "./errors.js";

/** Seals and opens the values of one assessment. */
export class RowSealer {
  readonly key: DataKey;

  constructor(key: DataKey) {
    this.key = key;
  }

  get assessmentId(): string {
    return this.key.assessmentId;
  }

  /** Encrypts `plaintext` (UTF-8 when a string) for `field` of row `rowId`. */
  seal(field: string, rowId: string, plaintext: string | Uint8Array): Buffer {
    return encryptValue(this.key, plaintext, { field, objectId: rowId });
  }

  /**
   * Decrypts what {@link seal} returned for the same field and row. Throws
   * a StoreError when the value was altered, moved or sealed under another
   * key; nothing in the store is changed.
   */
  open(field: string, rowId: string, sealed: Uint8Array): Buffer {
    const opened = decryptValue(this.key, sealed, { field, objectId: rowId });
    if (!opened.ok) {
      throw new StoreError(
        "decrypt-failed",
        `cannot decrypt ${field} row ${rowId} of assessment ` +
          `'${this.assessmentId}': ${opened.error.message}; the store was ` +
          "altered or damaged, so restore it from a backup",
      );
    }
    return opened.value;
  }

  /** Opens a value sealed from a string. */
  openText(field: string, rowId: string, sealed: Uint8Array): string {
    return this.open(field, rowId, sealed).toString("utf8");
  }
}
