/**
 * Server credentials, by name only: the credentials that logins, Agent
 * proxies, backup to URL and EKM providers use. The secret is not exposed
 * by any catalog view.
 */

import { defineQuery } from "../catalog-query.js";
import type { InventoryItem } from "../collected.js";
import type { Row } from "../reader.js";
import type { InventoryPart, PartResult } from "./part.js";
import { countOf } from "./row-numbers.js";
import { dateOf, requiredTextOf, textOf } from "./row-values.js";

// credential_identity is not returned. It is no secret, but it names a
// Windows or storage account, which the assessment does not need and which
// a bundle would carry off the host. Only its kind is returned. The
// identities 'SHARED ACCESS SIGNATURE' (Azure Blob Storage), 'Managed
// Identity' and 'S3 Access Key' are keywords of CREATE CREDENTIAL
// (Microsoft Learn, SQL Server 2022). Any other identity is an account.
export const IDENTITY_KIND_COLUMN = `CASE
        WHEN c.credential_identity = N'SHARED ACCESS SIGNATURE' THEN N'shared access signature'
        WHEN c.credential_identity = N'Managed Identity' THEN N'managed identity'
        WHEN c.credential_identity = N'S3 Access Key' THEN N's3 access key'
        ELSE N'account'
    END AS identity_kind`;

const SERVER_CREDENTIALS = defineQuery({
  id: "inventory.credentials",
  scope: "server",
  sql: `
SELECT
    c.name,
    ${IDENTITY_KIND_COLUMN},
    c.target_type,
    (SELECT COUNT(*) FROM sys.server_principals AS p
     WHERE p.credential_id = c.credential_id) AS login_count,
    c.create_date,
    c.modify_date
FROM sys.credentials AS c
ORDER BY c.name;`,
  reads: ["sys.credentials", "sys.server_principals"],
  permission: "VIEW ANY DEFINITION",
});

export const credentialsPart: InventoryPart = {
  name: "credentials",
  title: "Server credentials (names only)",
  scope: "server",
  queries: [SERVER_CREDENTIALS],

  async collect(reader): Promise<PartResult> {
    const rows = await reader.all(SERVER_CREDENTIALS);
    const items = rows.map(
      (row): InventoryItem => ({
        ...credentialFields(row),
        targetType: textOf(row, "target_type"),
        logins: countOf(row, "login_count"),
        createDate: dateOf(row, "create_date"),
        modifyDate: dateOf(row, "modify_date"),
      }),
    );
    return { items };
  },
};

/** Returns the fields that server and database scoped credentials share. */
export function credentialFields(row: Row): { name: string; identityKind: string | null } {
  return { name: requiredTextOf(row, "name"), identityKind: textOf(row, "identity_kind") };
}
