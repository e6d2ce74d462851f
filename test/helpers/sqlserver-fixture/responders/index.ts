/** Every responder, by query id. */

import type { ResponderTable } from "../responder.js";
import { AGENT_RESPONDERS } from "./agent.js";
import { BACKUP_RESPONDERS } from "./backups.js";
import { CLR_RESPONDERS } from "./clr.js";
import { COLLECTOR_RESPONDERS } from "./collector.js";
import { COLLECTOR_CODE_RESPONDERS } from "./collector-code.js";
import { COLLECTOR_CONSTRAINT_RESPONDERS } from "./collector-constraints.js";
import { COLLECTOR_TABLE_RESPONDERS } from "./collector-tables.js";
import { DATABASE_RESPONDERS } from "./databases.js";
import { DEPENDENCY_RESPONDERS } from "./dependencies.js";
import { DATABASE_MAIL_RESPONDERS } from "./database-mail.js";
import { FULL_TEXT_RESPONDERS } from "./full-text.js";
import { INSTANCE_RESPONDERS } from "./instance.js";
import { LINKED_SERVER_RESPONDERS } from "./linked-servers.js";
import { SCHEMA_INDEX_RESPONDERS } from "./schema-indexes.js";
import { SCHEMA_OBJECT_RESPONDERS } from "./schema-objects.js";
import { SCHEMA_TABLE_RESPONDERS } from "./schema-tables.js";
import { SECURITY_RESPONDERS } from "./security.js";
import { SERVER_FEATURE_RESPONDERS } from "./server-features.js";
import { SERVER_OBJECT_RESPONDERS } from "./server-objects.js";
import { SERVICE_BROKER_RESPONDERS } from "./service-broker.js";

export const RESPONDERS: ResponderTable = {
  ...INSTANCE_RESPONDERS,
  ...DATABASE_RESPONDERS,
  ...SCHEMA_OBJECT_RESPONDERS,
  ...SCHEMA_TABLE_RESPONDERS,
  ...SCHEMA_INDEX_RESPONDERS,
  ...SECURITY_RESPONDERS,
  ...AGENT_RESPONDERS,
  ...LINKED_SERVER_RESPONDERS,
  ...CLR_RESPONDERS,
  ...SERVICE_BROKER_RESPONDERS,
  ...FULL_TEXT_RESPONDERS,
  ...DATABASE_MAIL_RESPONDERS,
  ...SERVER_OBJECT_RESPONDERS,
  ...SERVER_FEATURE_RESPONDERS,
  ...COLLECTOR_RESPONDERS,
  ...COLLECTOR_CODE_RESPONDERS,
  ...COLLECTOR_TABLE_RESPONDERS,
  ...COLLECTOR_CONSTRAINT_RESPONDERS,
  ...BACKUP_RESPONDERS,
  ...DEPENDENCY_RESPONDERS,
};
