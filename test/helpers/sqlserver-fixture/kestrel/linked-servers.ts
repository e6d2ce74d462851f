/**
 * Linked servers of examples/kestrel-cold-chain/52-linked-servers.sql:
 * CARRIERHUB, a SQL Server reached through MSOLEDBSQL, and FINANCE_ERP,
 * an Oracle database reached through an ODBC DSN. sys.servers also has
 * the local server as server_id 0.
 */

import type { ViewRows } from "../fixture.js";
import type { FixtureArea } from "./area.js";
import { LOGIN_IDS } from "./security-server.js";

const SERVER_DEFAULTS = {
  protocol: 0,
  protocol_desc: "TDS",
  location: null,
  connect_timeout: 0,
  query_timeout: 0,
  is_remote_login_enabled: false,
  is_collation_compatible: false,
  uses_remote_collation: true,
  collation_name: null,
  lazy_schema_validation: false,
  is_system: false,
  is_publisher: false,
  is_subscriber: false,
  is_distributor: false,
  is_nonsql_subscriber: false,
  is_rda_server: false,
};

const servers: ViewRows = [
  {
    ...SERVER_DEFAULTS,
    server_id: 0,
    name: "KESTREL-SQL01",
    product: "SQL Server",
    provider: "SQLNCLI",
    data_source: "KESTREL-SQL01",
    provider_string: null,
    catalog: null,
    is_linked: false,
    is_remote_login_enabled: true,
    is_rpc_out_enabled: true,
    is_data_access_enabled: false,
    is_remote_proc_transaction_promotion_enabled: true,
    modify_date: new Date("2023-11-02T10:00:00Z"),
  },
  {
    ...SERVER_DEFAULTS,
    server_id: 1,
    name: "CARRIERHUB",
    product: "",
    provider: "MSOLEDBSQL",
    data_source: "carrierhub.partners.kestrel-coldchain.example,14330",
    provider_string: "Encrypt=Mandatory;TrustServerCertificate=No",
    catalog: "CarrierHub",
    is_linked: true,
    is_collation_compatible: true,
    query_timeout: 120,
    is_rpc_out_enabled: true,
    is_data_access_enabled: true,
    is_remote_proc_transaction_promotion_enabled: false,
    modify_date: new Date("2024-03-12T10:12:00Z"),
  },
  {
    ...SERVER_DEFAULTS,
    server_id: 2,
    name: "FINANCE_ERP",
    product: "Oracle",
    provider: "MSDASQL",
    data_source: "KestrelErpDsn",
    provider_string: null,
    catalog: null,
    is_linked: true,
    is_rpc_out_enabled: false,
    is_data_access_enabled: true,
    is_remote_proc_transaction_promotion_enabled: true,
    modify_date: new Date("2024-03-12T10:14:00Z"),
  },
];

// CARRIERHUB: every login as kestrel_reader, the operations group with
// its own Windows credentials. FINANCE_ERP: every login as KCC_LEDGER.
const linkedLogins: ViewRows = [
  { server_id: 1, local_principal_id: 0, uses_self_credential: false, remote_name: "kestrel_reader" },
  {
    server_id: 1,
    local_principal_id: LOGIN_IDS["KESTREL\\SQL-Operations"]!,
    uses_self_credential: true,
    remote_name: null,
  },
  { server_id: 2, local_principal_id: 0, uses_self_credential: false, remote_name: "KCC_LEDGER" },
].map((row) => ({ ...row, modify_date: new Date("2024-03-12T10:13:00Z") }));

export const LINKED_SERVERS: FixtureArea = {
  server: {
    "sys.servers": servers,
    "sys.linked_logins": linkedLogins,
  },
};
