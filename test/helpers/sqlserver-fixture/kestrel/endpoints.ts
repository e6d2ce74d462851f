/**
 * Endpoints of the Kestrel fixture server: the dedicated admin connection
 * and the T-SQL endpoints every instance has, and Hadr_endpoint, the
 * database mirroring endpoint of the availability group on port 5022
 * with Windows authentication and AES.
 */

import type { ViewRows } from "../fixture.js";
import type { FixtureArea } from "./area.js";
import { LOGIN_IDS } from "./security-server.js";

const PROTOCOLS: Readonly<Record<string, number>> = { TCP: 2, NAMED_PIPES: 3, SHARED_MEMORY: 4, VIA: 5 };
const TYPES: Readonly<Record<string, number>> = { TSQL: 2, DATABASE_MIRRORING: 4 };

const endpoints: ViewRows = [
  [1, "Dedicated Admin Connection", "TCP", "TSQL", true],
  [2, "TSQL Local Machine", "SHARED_MEMORY", "TSQL", false],
  [3, "TSQL Named Pipes", "NAMED_PIPES", "TSQL", false],
  [4, "TSQL Default TCP", "TCP", "TSQL", false],
  [5, "TSQL Default VIA", "VIA", "TSQL", false],
  [65536, "Hadr_endpoint", "TCP", "DATABASE_MIRRORING", false],
].map(([id, name, protocol, type, admin]) => ({
  name,
  endpoint_id: id,
  principal_id: id === 65536 ? LOGIN_IDS["KESTREL\\DBAs"]! : 1,
  protocol: PROTOCOLS[protocol as string]!,
  protocol_desc: protocol,
  type: TYPES[type as string]!,
  type_desc: type,
  state: 0,
  state_desc: "STARTED",
  is_admin_endpoint: admin,
}));

// The T-SQL TCP endpoints show port 0 and a dynamic port, because their
// real port is set in SQL Server Configuration Manager, not in the catalog.
const tcpEndpoints: ViewRows = [
  { endpoint_id: 1, name: "Dedicated Admin Connection", port: 0, is_dynamic_port: true, ip_address: null },
  { endpoint_id: 4, name: "TSQL Default TCP", port: 0, is_dynamic_port: true, ip_address: null },
  { endpoint_id: 65536, name: "Hadr_endpoint", port: 5022, is_dynamic_port: false, ip_address: null },
];

const mirroringEndpoints: ViewRows = [
  {
    endpoint_id: 65536,
    name: "Hadr_endpoint",
    role: 3,
    role_desc: "ALL",
    is_encryption_enabled: true,
    connection_auth: 3,
    connection_auth_desc: "NEGOTIATE",
    certificate_id: 0,
    encryption_algorithm: 2,
    encryption_algorithm_desc: "AES",
  },
];

export const ENDPOINTS: FixtureArea = {
  server: {
    "sys.endpoints": endpoints,
    "sys.tcp_endpoints": tcpEndpoints,
    "sys.database_mirroring_endpoints": mirroringEndpoints,
    "sys.service_broker_endpoints": [],
  },
};
