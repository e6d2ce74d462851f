/**
 * The statements of this family, keyed as the dispatcher expects. DROP of
 * these objects is read by the generic DROP of the table statements.
 */

import type { Statement } from "../../ast/statements.js";
import type { Parser } from "../parser.js";
import type { StatementContext, StatementFamily, StatementParser } from "../registry.js";
import { parseAlterDatabase } from "./alter-database.js";
import { parseAssembly } from "./assembly.js";
import { parseAlterAvailabilityGroup, parseCreateAvailabilityGroup } from "./availability-group.js";
import { parseBackup, parseRestore, unknownBackupObject } from "./backup-restore.js";
import { parseCreateContract, parseMessageType, parseQueue, parseService } from "./broker-objects.js";
import {
  parseBrokerPriority,
  parseCreateEventNotification,
  parseRemoteServiceBinding,
  parseRoute,
} from "./broker-routing.js";
import { parseCheckpoint, parseKill, parseKillQueryNotification, parseKillStatsJob } from "./checkpoint-kill.js";
import {
  parseBeginConversationTimer,
  parseBeginDialog,
  parseEndConversation,
  parseGetConversationGroup,
  parseMoveConversation,
  parseSend,
} from "./conversation.js";
import { parseCreateDatabase } from "./create-database.js";
import { parseDbcc } from "./dbcc.js";
import { parseEndpoint } from "./endpoint.js";
import { parseEventSession } from "./event-session.js";
import { parseCreateExternalTable, parseExternalLibraryOrLanguage, parseExternalOptionsObject } from "./external.js";
import {
  parseAlterFullTextCatalog,
  parseCreateFullTextCatalog,
  parseFullTextStopList,
  parseSearchPropertyList,
} from "./fulltext-catalog.js";
import { parseAlterFullTextIndex, parseCreateFullTextIndex } from "./fulltext-index.js";
import { parseReceive } from "./receive.js";
import { parseAlterResourceGovernor, parseResourcePool, parseWorkloadGroup } from "./resource-governor.js";
import { parseAlterScopedConfiguration } from "./scoped-configuration.js";
import { parseAlterServerConfiguration, parseReconfigure, parseShutdown } from "./server.js";

export { parseReceive } from "./receive.js";
export { parseGetConversationGroup } from "./conversation.js";

type CreateOrAlterParser = (p: Parser, context: StatementContext, create: boolean) => Statement;

/** Object types that CREATE and ALTER share, parsed by one function with a `create` flag. */
const CREATE_OR_ALTER: Readonly<Record<string, CreateOrAlterParser>> = {
  "MESSAGE TYPE": parseMessageType,
  QUEUE: parseQueue,
  SERVICE: parseService,
  ROUTE: parseRoute,
  "REMOTE SERVICE BINDING": parseRemoteServiceBinding,
  "BROKER PRIORITY": parseBrokerPriority,
  "FULLTEXT STOPLIST": parseFullTextStopList,
  "SEARCH PROPERTY LIST": parseSearchPropertyList,
  ASSEMBLY: parseAssembly,
  ENDPOINT: parseEndpoint,
  "EVENT SESSION": parseEventSession,
  "RESOURCE POOL": parseResourcePool,
  "EXTERNAL RESOURCE POOL": parseResourcePool,
  "WORKLOAD GROUP": parseWorkloadGroup,
  "EXTERNAL LIBRARY": parseExternalLibraryOrLanguage,
  "EXTERNAL LANGUAGE": parseExternalLibraryOrLanguage,
};

function withFlag(create: boolean): Record<string, StatementParser> {
  const table: Record<string, StatementParser> = {};
  for (const [key, parse] of Object.entries(CREATE_OR_ALTER)) {
    table[key] = (p, context) => parse(p, context, create);
  }
  return table;
}

export const adminStatements: StatementFamily = {
  leading: {
    BACKUP: unknownBackupObject("BACKUP"),
    "BACKUP DATABASE": parseBackup,
    "BACKUP LOG": parseBackup,
    RESTORE: unknownBackupObject("RESTORE"),
    "RESTORE DATABASE": parseRestore,
    "RESTORE LOG": parseRestore,
    "RESTORE FILELISTONLY": parseRestore,
    "RESTORE HEADERONLY": parseRestore,
    "RESTORE VERIFYONLY": parseRestore,
    "RESTORE LABELONLY": parseRestore,
    "RESTORE REWINDONLY": parseRestore,
    DBCC: parseDbcc,
    CHECKPOINT: parseCheckpoint,
    KILL: parseKill,
    "KILL QUERY NOTIFICATION": parseKillQueryNotification,
    "KILL STATS JOB": parseKillStatsJob,
    RECONFIGURE: parseReconfigure,
    SHUTDOWN: parseShutdown,
    "BEGIN DIALOG": parseBeginDialog,
    "BEGIN CONVERSATION TIMER": parseBeginConversationTimer,
    "SEND ON CONVERSATION": parseSend,
    RECEIVE: (p, context) => parseReceive(p, context.mark),
    "END CONVERSATION": parseEndConversation,
    "GET CONVERSATION GROUP": (p, context) => parseGetConversationGroup(p, context.mark),
    "MOVE CONVERSATION": parseMoveConversation,
  },
  create: {
    ...withFlag(true),
    DATABASE: parseCreateDatabase,
    CONTRACT: parseCreateContract,
    "EVENT NOTIFICATION": parseCreateEventNotification,
    "FULLTEXT CATALOG": parseCreateFullTextCatalog,
    "FULLTEXT INDEX": parseCreateFullTextIndex,
    "AVAILABILITY GROUP": parseCreateAvailabilityGroup,
    "EXTERNAL DATA SOURCE": (p, context) =>
      parseExternalOptionsObject(p, context, ["EXTERNAL", "DATA", "SOURCE"], "CreateExternalDataSourceStatement"),
    "EXTERNAL FILE FORMAT": (p, context) =>
      parseExternalOptionsObject(p, context, ["EXTERNAL", "FILE", "FORMAT"], "CreateExternalFileFormatStatement"),
    "EXTERNAL TABLE": parseCreateExternalTable,
  },
  alter: {
    ...withFlag(false),
    DATABASE: parseAlterDatabase,
    "DATABASE SCOPED CONFIGURATION": parseAlterScopedConfiguration,
    "SERVER CONFIGURATION": parseAlterServerConfiguration,
    "RESOURCE GOVERNOR": parseAlterResourceGovernor,
    "FULLTEXT CATALOG": parseAlterFullTextCatalog,
    "FULLTEXT INDEX": parseAlterFullTextIndex,
    "AVAILABILITY GROUP": parseAlterAvailabilityGroup,
    "EXTERNAL DATA SOURCE": (p, context) =>
      parseExternalOptionsObject(p, context, ["EXTERNAL", "DATA", "SOURCE"], "AlterExternalDataSourceStatement"),
  },
};
