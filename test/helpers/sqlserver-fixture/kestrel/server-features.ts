/**
 * The services and feature rows of the Kestrel fixture server: the three
 * services SQL Server 2022 lists in sys.dm_server_services for a default
 * instance without Machine Learning Services, msdb's default SSIS
 * package folders with no packages, and in Archive the external data
 * source behind the database scoped credential ArchiveColdStorage, used
 * by BULK INSERT from blob storage.
 */

import type { SqlValue } from "../../tds-server/index.js";
import type { FixtureArea } from "./area.js";

const STARTED = new Date("2025-05-31T22:14:03.000Z");
const AGENT_STARTED = new Date("2025-05-31T22:14:21.000Z");

function service(name: string, startupType: string, processId: number, started: Date): Record<string, SqlValue> {
  return {
    servicename: name,
    startup_type: startupType === "Automatic" ? 2 : 3,
    startup_type_desc: startupType,
    status: 4,
    status_desc: "Running",
    process_id: processId,
    last_startup_time: started,
    service_account: `NT Service\\${name.startsWith("SQL Server Agent") ? "SQLSERVERAGENT" : "MSSQLSERVER"}`,
    filename: "C:\\Program Files\\Microsoft SQL Server\\MSSQL16.MSSQLSERVER\\MSSQL\\Binn\\sqlservr.exe",
    is_clustered: "N",
    cluster_nodename: null,
    instant_file_initialization_enabled: "Y",
  };
}

// msdb's folders as SQL Server creates them: the root and two children.
const ROOT_FOLDER = "00000000-0000-0000-0000-000000000000";

export const SERVER_FEATURES: FixtureArea = {
  server: {
    "sys.dm_server_services": [
      service("SQL Server (MSSQLSERVER)", "Automatic", 4120, STARTED),
      service("SQL Server Agent (MSSQLSERVER)", "Automatic", 5384, AGENT_STARTED),
      service("SQL Full-text Filter Daemon Launcher (MSSQLSERVER)", "Manual", 6012, STARTED),
    ],
    "msdb.dbo.sysssispackagefolders": [
      { folderid: ROOT_FOLDER, parentfolderid: null, foldername: "" },
      { folderid: "39163C42-602B-42C9-B4F7-1843614F9625", parentfolderid: ROOT_FOLDER, foldername: "Data Collector" },
      { folderid: "08AA12D5-8F98-4DAB-A4FC-980B150A5DC8", parentfolderid: ROOT_FOLDER, foldername: "Maintenance Plans" },
    ],
    "msdb.dbo.sysssispackages": [],
  },
  databases: {
    Archive: {
      "sys.external_data_sources": [
        {
          data_source_id: 65536,
          name: "ArchiveColdStorage",
          location: "https://kestrelarchive.blob.core.windows.net/coldstorage",
          type_desc: "BLOB_STORAGE",
          type: 5,
          resource_manager_location: null,
          credential_id: 65536,
          database_name: null,
          shard_map_name: null,
          connection_options: null,
          pushdown: "ON",
        },
      ],
    },
  },
};
