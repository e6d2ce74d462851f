/**
 * The security area of the Kestrel fixture server: logins, server roles
 * and server permissions, and the principals and permissions of
 * KestrelColdChain and Archive.
 */

import type { FixtureArea } from "./area.js";
import { SECURITY_DATABASE_VIEWS } from "./security-database.js";
import { SECURITY_SERVER_VIEWS } from "./security-server.js";

export const SECURITY: FixtureArea = {
  server: SECURITY_SERVER_VIEWS,
  databases: SECURITY_DATABASE_VIEWS,
};
