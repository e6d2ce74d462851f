/**
 * Database Mail on the Kestrel fixture server: the profile 'Kestrel
 * Alerts' that the Agent jobs use, public and default, with an
 * authenticated SMTP relay account and an anonymous fallback account.
 */

import type { ViewRows } from "../fixture.js";
import type { FixtureArea } from "./area.js";

const MODIFIED = new Date("2024-03-12T09:30:00Z");

const profiles: ViewRows = [
  {
    profile_id: 1,
    name: "Kestrel Alerts",
    description: "Agent job and alert notifications",
    last_mod_datetime: MODIFIED,
    last_mod_user: "sa",
  },
];

const accounts: ViewRows = [
  {
    account_id: 1,
    name: "Kestrel SMTP relay",
    description: "Authenticated relay in the data centre",
    email_address: "sql-alerts@kestrel-coldchain.example",
    display_name: "KESTREL-SQL01 alerts",
    replyto_address: "dba-team@kestrel-coldchain.example",
    last_mod_datetime: MODIFIED,
    last_mod_user: "sa",
  },
  {
    account_id: 2,
    name: "Kestrel SMTP fallback",
    description: "Office relay, accepts mail from the server subnet",
    email_address: "sql-alerts@kestrel-coldchain.example",
    display_name: "KESTREL-SQL01 alerts",
    replyto_address: null,
    last_mod_datetime: MODIFIED,
    last_mod_user: "sa",
  },
];

// The relay's user name is stored here and its password in a credential
// that sysmail_server references. Neither may reach the inventory.
const servers: ViewRows = [
  {
    account_id: 1,
    servertype: "SMTP",
    servername: "smtp-relay.kestrel.internal",
    port: 587,
    username: "sql-alerts@kestrel-coldchain.example",
    credential_id: 65540,
    use_default_credentials: false,
    enable_ssl: true,
    flags: 0,
    timeout: null,
    last_mod_datetime: MODIFIED,
    last_mod_user: "sa",
  },
  {
    account_id: 2,
    servertype: "SMTP",
    servername: "mail.kestrel.internal",
    port: 25,
    username: null,
    credential_id: null,
    use_default_credentials: false,
    enable_ssl: false,
    flags: 0,
    timeout: null,
    last_mod_datetime: MODIFIED,
    last_mod_user: "sa",
  },
];

const profileAccounts: ViewRows = [
  { profile_id: 1, account_id: 1, sequence_number: 1, last_mod_datetime: MODIFIED, last_mod_user: "sa" },
  { profile_id: 1, account_id: 2, sequence_number: 2, last_mod_datetime: MODIFIED, last_mod_user: "sa" },
];

const principalProfiles: ViewRows = [
  { profile_id: 1, principal_sid: Buffer.from([0]), is_default: true, last_mod_datetime: MODIFIED, last_mod_user: "sa" },
];

export const DATABASE_MAIL: FixtureArea = {
  server: {
    "msdb.dbo.sysmail_profile": profiles,
    "msdb.dbo.sysmail_account": accounts,
    "msdb.dbo.sysmail_server": servers,
    "msdb.dbo.sysmail_profileaccount": profileAccounts,
    "msdb.dbo.sysmail_principalprofile": principalProfiles,
  },
};
