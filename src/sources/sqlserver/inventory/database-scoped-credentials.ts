/**
 * Database scoped credentials, by name only: the credentials that external
 * data sources of a database use. The secret is not exposed by any
 * catalog view.
 */

import { defineQuery } from "../catalog-query.js";
import type { InventoryItem } from "../collected.js";
import { credentialFields, IDENTITY_KIND_COLUMN } from "./credentials.js";
import type { InventoryPart, PartResult } from "./part.js";
import { dateOf } from "./row-values.js";

// NOTE: SQL Server shows these rows only to a principal with CONTROL on the
// database (Microsoft Learn, sys.database_scoped_credentials). A
// least-privilege login reads an empty list, not an error.
const DATABASE_SCOPED_CREDENTIALS = defineQuery({
  id: "inventory.database-scoped-credentials",
  scope: "database",
  sql: `
SELECT
    c.name,
    ${IDENTITY_KIND_COLUMN},
    c.create_date,
    c.modify_date
FROM sys.database_scoped_credentials AS c
ORDER BY c.name;`,
  reads: ["sys.database_scoped_credentials"],
  permission: "CONTROL",
});

export const databaseScopedCredentialsPart: InventoryPart = {
  name: "database-scoped-credentials",
  title: "Database scoped credentials (names only)",
  scope: "database",
  queries: [DATABASE_SCOPED_CREDENTIALS],

  async collect(reader): Promise<PartResult> {
    const rows = await reader.all(DATABASE_SCOPED_CREDENTIALS);
    const items = rows.map(
      (row): InventoryItem => ({
        database: reader.database,
        ...credentialFields(row),
        createDate: dateOf(row, "create_date"),
        modifyDate: dateOf(row, "modify_date"),
      }),
    );
    return { items };
  },
};
