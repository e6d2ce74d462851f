/**
 * Transparent data encryption. AWS DMS supports TDE enabled at database
 * level (AWS DMS User Guide, SQL Server as a source, "Limitations",
 * 2023); the target is encrypted by its own means and the data crosses
 * the network decrypted, so the connection must use TLS.
 */

import { readinessItem, type ReadinessRule } from "../rule.js";

export const tdeRule: ReadinessRule = {
  id: "readiness.database.tde",
  title: "Database encrypted with TDE",

  check(context) {
    return context.databases
      .filter((d) => d.isEncrypted || context.tdeDatabases.has(d.name))
      .map((d) =>
        readinessItem(
          this.id,
          "info",
          { database: d.name, object: null, objectType: "database" },
          "transparent data encryption is on",
          `Encrypt the target at rest (Aurora storage encryption with an AWS KMS key), require TLS on ` +
            `the source and target endpoints, and keep the TDE certificate backed up: backups of this ` +
            `database cannot be restored elsewhere without it.`,
        ),
      );
  },
};
