/**
 * The tde part: databases with a transparent data encryption key, and
 * the state of their encryption. A migration has to decrypt or re-encrypt
 * them, and tempdb is encrypted as soon as any database is.
 */

import { defineQuery } from "../catalog-query.js";
import type { InventoryItem } from "../collected.js";
import type { Row } from "../reader.js";
import type { InventoryPart, PartResult } from "./part.js";
import { numberOf } from "./row-numbers.js";
import { requiredTextOf, textOf } from "./row-values.js";

// encryption_state is read as the number: encryption_state_desc exists
// only from SQL Server 2019 ("sys.dm_database_encryption_keys", Microsoft
// Learn).
const ENCRYPTION_KEYS = defineQuery({
  id: "inventory.database-encryption-keys",
  scope: "server",
  sql: `
SELECT
    DB_NAME(k.database_id) AS database_name,
    k.encryption_state,
    k.key_algorithm,
    k.key_length,
    k.encryptor_type,
    k.percent_complete
FROM sys.dm_database_encryption_keys AS k
ORDER BY k.database_id;`,
  reads: ["sys.dm_database_encryption_keys", "DB_NAME"],
  permission: "VIEW SERVER STATE",
});

/** encryption_state values, after the same Microsoft Learn page. */
const ENCRYPTION_STATES: Readonly<Record<number, string>> = {
  0: "NO_DATABASE_ENCRYPTION_KEY",
  1: "UNENCRYPTED",
  2: "ENCRYPTION_IN_PROGRESS",
  3: "ENCRYPTED",
  4: "KEY_CHANGE_IN_PROGRESS",
  5: "DECRYPTION_IN_PROGRESS",
  6: "PROTECTION_CHANGE_IN_PROGRESS",
};

export const tdePart: InventoryPart = {
  name: "tde",
  title: "Transparent data encryption",
  scope: "server",
  queries: [ENCRYPTION_KEYS],

  async collect(reader): Promise<PartResult> {
    const rows = await reader.all(ENCRYPTION_KEYS);
    return { items: rows.map(keyItem) };
  },
};

function keyItem(row: Row): InventoryItem {
  const state = numberOf(row, "encryption_state");

  return {
    database: requiredTextOf(row, "database_name"),
    encryptionState: state === null ? null : (ENCRYPTION_STATES[state] ?? String(state)),
    keyAlgorithm: textOf(row, "key_algorithm"),
    keyLength: numberOf(row, "key_length"),
    // CERTIFICATE or ASYMMETRIC KEY: what protects the key, in master.
    encryptor: textOf(row, "encryptor_type"),
    percentComplete: numberOf(row, "percent_complete"),
  };
}
