/** Responders for the database-mail part, over the msdb sysmail tables. */

import type { ResponderTable } from "../responder.js";
import {
  countWhere,
  isOn,
  orderBy,
  resultTable,
  sameBytes,
  serverView,
  type ColumnSpec,
} from "./result-table.js";

const PROFILE_COLUMNS: readonly ColumnSpec[] = [
  ["name", "sysname"],
  ["description", "nvarchar(256)"],
  ["account_count", "int"],
  ["is_public", "bit"],
  ["is_default_public", "bit"],
];

const ACCOUNT_COLUMNS: readonly ColumnSpec[] = [
  ["name", "sysname"],
  ["email_address", "nvarchar(128)"],
  ["display_name", "nvarchar(128)"],
  ["servertype", "sysname"],
  ["servername", "sysname"],
  ["port", "int"],
  ["enable_ssl", "bit"],
  ["use_default_credentials", "bit"],
  ["has_username", "bit"],
];

/** The principal_sid that stands for public in sysmail_principalprofile. */
const PUBLIC_SID = Buffer.from([0]);

export const DATABASE_MAIL_RESPONDERS: ResponderTable = {
  "inventory.mail-profiles": ({ server }) => {
    const links = serverView(server, "msdb.dbo.sysmail_profileaccount");
    const grants = serverView(server, "msdb.dbo.sysmail_principalprofile");
    const rows = serverView(server, "msdb.dbo.sysmail_profile").map((p) => {
      const publicGrants = grants.filter(
        (g) => g["profile_id"] === p["profile_id"] && sameBytes(g["principal_sid"], PUBLIC_SID),
      );
      return {
        ...p,
        account_count: countWhere(links, "profile_id", p["profile_id"]),
        is_public: publicGrants.length > 0,
        is_default_public: publicGrants.some((g) => isOn(g["is_default"])),
      };
    });
    return resultTable(PROFILE_COLUMNS, orderBy(rows, "name"));
  },

  "inventory.mail-accounts": ({ server }) => {
    const servers = serverView(server, "msdb.dbo.sysmail_server");
    const rows = serverView(server, "msdb.dbo.sysmail_account").map((a) => {
      const smtp = servers.find((s) => s["account_id"] === a["account_id"]);
      return {
        ...a,
        servertype: smtp?.["servertype"] ?? null,
        servername: smtp?.["servername"] ?? null,
        port: smtp?.["port"] ?? null,
        enable_ssl: smtp?.["enable_ssl"] ?? null,
        use_default_credentials: smtp?.["use_default_credentials"] ?? null,
        has_username: smtp !== undefined && smtp["username"] !== null,
      };
    });
    return resultTable(ACCOUNT_COLUMNS, orderBy(rows, "name"));
  },
};
