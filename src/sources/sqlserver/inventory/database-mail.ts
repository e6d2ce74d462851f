/**
 * Database Mail profiles and accounts from msdb: who may use each
 * profile, and the SMTP server, port and TLS setting of each account. The
 * SMTP user name and password are never read, so the item shows only
 * which kind of authentication the account uses. Whether 'Database Mail
 * XPs' is on is in the configuration part.
 */

import { defineQuery } from "../catalog-query.js";
import type { InventoryItem } from "../collected.js";
import type { Row } from "../reader.js";
import type { InventoryPart, PartResult } from "./part.js";
import { countOf, numberOf } from "./row-numbers.js";
import { flagOf, requiredTextOf, textOf } from "./row-values.js";

const MSDB_PERMISSION = "db_datareader role in msdb";

// A profile granted to public has principal_sid 0x00 in
// sysmail_principalprofile, and is_default makes it the default public one.
const PROFILES = defineQuery({
  id: "inventory.mail-profiles",
  scope: "server",
  sql: `
SELECT
    p.name,
    p.description,
    (SELECT COUNT(*) FROM msdb.dbo.sysmail_profileaccount AS pa
     WHERE pa.profile_id = p.profile_id) AS account_count,
    CAST(CASE WHEN EXISTS (
        SELECT 1 FROM msdb.dbo.sysmail_principalprofile AS pp
        WHERE pp.profile_id = p.profile_id AND pp.principal_sid = 0x00
    ) THEN 1 ELSE 0 END AS bit) AS is_public,
    CAST(CASE WHEN EXISTS (
        SELECT 1 FROM msdb.dbo.sysmail_principalprofile AS pp
        WHERE pp.profile_id = p.profile_id AND pp.principal_sid = 0x00 AND pp.is_default = 1
    ) THEN 1 ELSE 0 END AS bit) AS is_default_public
FROM msdb.dbo.sysmail_profile AS p
ORDER BY p.name;`,
  reads: [
    "msdb.dbo.sysmail_profile",
    "msdb.dbo.sysmail_profileaccount",
    "msdb.dbo.sysmail_principalprofile",
  ],
  permission: MSDB_PERMISSION,
});

// username is tested for NULL only. NULL means anonymous SMTP unless
// use_default_credentials sends the Database Engine's Windows credentials
// (Microsoft Learn, sysmail_add_account_sp).
const ACCOUNTS = defineQuery({
  id: "inventory.mail-accounts",
  scope: "server",
  sql: `
SELECT
    a.name,
    a.email_address,
    a.display_name,
    s.servertype,
    s.servername,
    s.port,
    s.enable_ssl,
    s.use_default_credentials,
    CAST(CASE WHEN s.username IS NULL THEN 0 ELSE 1 END AS bit) AS has_username
FROM msdb.dbo.sysmail_account AS a
LEFT JOIN msdb.dbo.sysmail_server AS s
    ON s.account_id = a.account_id
ORDER BY a.name;`,
  reads: ["msdb.dbo.sysmail_account", "msdb.dbo.sysmail_server"],
  permission: MSDB_PERMISSION,
});

export const databaseMailPart: InventoryPart = {
  name: "database-mail",
  title: "Database Mail profiles and accounts",
  scope: "server",
  queries: [PROFILES, ACCOUNTS],

  async collect(reader): Promise<PartResult> {
    const items: InventoryItem[] = [];
    for (const row of await reader.all(PROFILES)) {
      items.push(profileItem(row));
    }
    for (const row of await reader.all(ACCOUNTS)) {
      items.push(accountItem(row));
    }
    return { items };
  },
};

function profileItem(row: Row): InventoryItem {
  let access = "private";
  if (flagOf(row, "is_default_public") === true) {
    access = "public (default)";
  } else if (flagOf(row, "is_public") === true) {
    access = "public";
  }

  return {
    type: "profile",
    name: requiredTextOf(row, "name"),
    access,
    accounts: countOf(row, "account_count"),
    description: textOf(row, "description"),
  };
}

function accountItem(row: Row): InventoryItem {
  let authentication = "anonymous";
  if (flagOf(row, "use_default_credentials") === true) {
    authentication = "database engine credentials";
  } else if (flagOf(row, "has_username") === true) {
    authentication = "basic";
  }

  return {
    type: "account",
    name: requiredTextOf(row, "name"),
    emailAddress: textOf(row, "email_address"),
    displayName: textOf(row, "display_name"),
    serverType: textOf(row, "servertype"),
    server: textOf(row, "servername"),
    port: numberOf(row, "port"),
    ssl: flagOf(row, "enable_ssl"),
    authentication,
  };
}
