/**
 * The Kestrel fixture server: a SQL Server 2022 instance with the
 * KestrelColdChain database (the schema of examples/kestrel-cold-chain),
 * a small Archive database, an OFFLINE and a RESTORING database and the
 * system databases. Each file of this folder contributes the views of one
 * inventory area.
 */

import type { FixtureServer } from "../fixture.js";
import { AGENT } from "./agent.js";
import { mergeAreas, type FixtureArea } from "./area.js";
import { BACKUPS } from "./backups.js";
import { CLR } from "./clr.js";
import { CREDENTIALS } from "./credentials.js";
import { DATABASES_AREA, KESTREL_DATABASES } from "./databases.js";
import { DATABASE_MAIL } from "./database-mail.js";
import { DEPENDENCIES } from "./dependencies.js";
import { ENDPOINTS } from "./endpoints.js";
import { EXTENDED_EVENTS } from "./extended-events.js";
import { FULL_TEXT } from "./full-text.js";
import { INSTANCE_AREA } from "./instance.js";
import { LINKED_SERVERS } from "./linked-servers.js";
import { LOGIN_PERMISSIONS } from "./login-permissions.js";
import { MODULES } from "./modules.js";
import { SCHEMA_AREA } from "./schema.js";
import { SECURITY } from "./security.js";
import { SERVER_FEATURES } from "./server-features.js";
import { SERVER_TRIGGERS } from "./server-triggers.js";
import { SERVICE_BROKER } from "./service-broker.js";

/** Areas in a fixed order; each file of this folder adds its views. */
const AREAS: readonly FixtureArea[] = [
  INSTANCE_AREA,
  DATABASES_AREA,
  SCHEMA_AREA,
  SECURITY,
  AGENT,
  LINKED_SERVERS,
  CLR,
  SERVICE_BROKER,
  FULL_TEXT,
  DATABASE_MAIL,
  SERVER_TRIGGERS,
  ENDPOINTS,
  CREDENTIALS,
  EXTENDED_EVENTS,
  MODULES,
  LOGIN_PERMISSIONS,
  SERVER_FEATURES,
  BACKUPS,
  DEPENDENCIES,
];

export { KESTREL_DATABASES } from "./databases.js";

/**
 * Returns the Kestrel server. Its databases are the rows of sys.databases,
 * KestrelReporting (OFFLINE) and KestrelColdChain_Drill (RESTORING)
 * included, so that a collection reports those two as unavailable.
 */
export function kestrelServer(): FixtureServer {
  const merged = mergeAreas(AREAS);
  return {
    name: "KESTREL-SQL01",
    views: merged.server,
    databases: KESTREL_DATABASES.map((name) => ({ name, views: merged.databases[name] ?? {} })),
  };
}
