/**
 * Credentials of the Kestrel fixture server: the one behind the Agent
 * proxy 'Kestrel File Export', the shared access signature for backups to
 * Azure Blob Storage (51-maintenance.sql backs up to that container), and
 * the xp_cmdshell proxy account. Archive has a database scoped credential
 * for the external data source of its cold storage.
 */

import type { ViewRows } from "../fixture.js";
import type { FixtureArea } from "./area.js";

/** Account names the credentials hold, which a test checks never leave the server. */
export const CREDENTIAL_IDENTITIES = ["KESTREL\\svc-fileexport", "KESTREL\\svc-cmdshell", "kestrelarchive"];

const serverCredentials: ViewRows = [
  [101, "##xp_cmdshell_proxy_account##", "KESTREL\\svc-cmdshell", "2024-03-12T11:45:00Z"],
  [65536, "KestrelFileShare", "KESTREL\\svc-fileexport", "2024-03-12T09:01:00Z"],
  [65537, "https://kestrelbackups.blob.core.windows.net/sql", "SHARED ACCESS SIGNATURE", "2024-06-18T14:20:00Z"],
].map(([id, name, identity, created]) => ({
  credential_id: id,
  name,
  credential_identity: identity,
  create_date: new Date(created as string),
  modify_date: new Date(created as string),
  target_type: null,
  target_id: 0,
}));

const databaseScopedCredentials: ViewRows = [
  {
    name: "ArchiveColdStorage",
    credential_id: 65536,
    principal_id: 1,
    credential_identity: "kestrelarchive",
    create_date: new Date("2024-09-02T10:00:00Z"),
    modify_date: new Date("2024-09-02T10:00:00Z"),
    target_type: null,
    target_id: 0,
  },
];

export const CREDENTIALS: FixtureArea = {
  server: { "sys.credentials": serverCredentials },
  databases: { Archive: { "sys.database_scoped_credentials": databaseScopedCredentials } },
};
