import { test } from "node:test";
import assert from "node:assert/strict";
import type { Statement } from "../../../src/tsql/ast/statements.js";
import type { OptionNode } from "../../../src/tsql/ast/node.js";
import { parseBatch } from "../../../src/tsql/parse-batch.js";

/** Parses one batch and returns its statements, failing on any diagnostic. */
function parse(text: string): Statement[] {
  const batch = {
    text,
    start: 0,
    end: text.length,
    line: 1,
    column: 1,
    repeat: 1,
    substituted: false,
    replacements: [],
  };
  const result = parseBatch(text, batch, { quotedIdentifier: true });
  assert.deepEqual(
    result.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`),
    [],
  );
  return [...result.batch.statements];
}

/** The statement types whose `kind` may be K, also where one interface has several kinds. */
type StatementOf<K, S = Statement> = S extends { readonly kind: infer SK } ? (K extends SK ? S : never) : never;

/** Parses a single statement and narrows it to `kind`. */
function one<K extends Statement["kind"]>(text: string, kind: K): StatementOf<K> {
  const statements = parse(text);
  assert.equal(statements.length, 1, `one statement in ${text}`);
  const statement = statements[0]!;
  assert.equal(statement.kind, kind);
  return statement as StatementOf<K>;
}

/** Renders options as `NAME=value` strings, nested options in braces. */
function describe(options: readonly OptionNode[] | undefined): string[] {
  return (options ?? []).map((option) => {
    let text = option.name;
    const value = option.value;
    if (value !== undefined) {
      text += `=${valueText(value)}`;
    }
    if (option.options !== undefined) {
      text += `{${describe(option.options).join(",")}}`;
    }
    return text;
  });
}

function valueText(value: NonNullable<OptionNode["value"]>): string {
  switch (value.type) {
    case "name":
      return value.value.name.value;
    case "list":
      return `(${value.values.map(valueText).join(",")})`;
    case "options":
      return `(${value.options.map((o) => o.name).join(",")})`;
    default:
      return value.value;
  }
}

test("CREATE DATABASE files and filegroups", () => {
  const s = one(
    `CREATE DATABASE Sales CONTAINMENT = PARTIAL ON PRIMARY
       (NAME = Sales, FILENAME = 'D:\\Sales.mdf', SIZE = 8192KB, FILEGROWTH = 10%),
       (NAME = Sales2, FILENAME = 'D:\\Sales2.ndf'),
     FILEGROUP Docs CONTAINS FILESTREAM DEFAULT (NAME = Docs, FILENAME = 'F:\\Docs')
     LOG ON (NAME = Sales_log, FILENAME = 'L:\\Sales.ldf')
     COLLATE Latin1_General_CI_AS WITH TRUSTWORTHY ON`,
    "CreateDatabaseStatement",
  );
  assert.equal(s.name.value, "Sales");
  assert.equal(s.containment, "PARTIAL");
  assert.equal(s.fileGroups.length, 2);
  assert.equal(s.fileGroups[0]!.name, undefined);
  assert.deepEqual(
    s.fileGroups[0]!.files.map((f) => f.logicalName),
    ["Sales", "Sales2"],
  );
  assert.deepEqual(describe(s.fileGroups[0]!.files[0]!.options), [
    "NAME=Sales",
    "FILENAME=D:\\Sales.mdf",
    "SIZE=8192 KB",
    "FILEGROWTH=10%",
  ]);
  assert.equal(s.fileGroups[1]!.name?.value, "Docs");
  assert.equal(s.fileGroups[1]!.contains, "FILESTREAM");
  assert.equal(s.fileGroups[1]!.isDefault, true);
  assert.equal(s.logFiles[0]!.fileName, "L:\\Sales.ldf");
  assert.equal(s.collation?.value, "Latin1_General_CI_AS");
  assert.deepEqual(describe(s.options), ["TRUSTWORTHY=ON"]);
});

test("CREATE DATABASE snapshot and attach", () => {
  const snapshot = one(
    "CREATE DATABASE SalesSnap ON (NAME = Sales, FILENAME = 'S:\\s.ss') AS SNAPSHOT OF Sales",
    "CreateDatabaseStatement",
  );
  assert.equal(snapshot.snapshotOf?.value, "Sales");
  const attach = one(
    "CREATE DATABASE Old ON (FILENAME = 'D:\\old.mdf') FOR ATTACH WITH NEW_BROKER",
    "CreateDatabaseStatement",
  );
  assert.equal(attach.attach, "ATTACH");
  assert.deepEqual(describe(attach.options), ["NEW_BROKER"]);
});

const setCases: [string, string[], string?][] = [
  ["RECOVERY SIMPLE", ["RECOVERY=SIMPLE"]],
  ["RECOVERY FULL, PAGE_VERIFY CHECKSUM", ["RECOVERY=FULL", "PAGE_VERIFY=CHECKSUM"]],
  ["READ_COMMITTED_SNAPSHOT ON", ["READ_COMMITTED_SNAPSHOT=ON"]],
  ["COMPATIBILITY_LEVEL = 160", ["COMPATIBILITY_LEVEL=160"]],
  ["SINGLE_USER WITH ROLLBACK IMMEDIATE", ["SINGLE_USER"], "ROLLBACK IMMEDIATE"],
  ["OFFLINE WITH NO_WAIT", ["OFFLINE"], "NO_WAIT"],
  ["READ_ONLY WITH ROLLBACK AFTER 30 SECONDS", ["READ_ONLY"], "ROLLBACK AFTER"],
  ["TARGET_RECOVERY_TIME = 60 SECONDS", ["TARGET_RECOVERY_TIME=60 SECONDS"]],
  ["PARAMETERIZATION FORCED", ["PARAMETERIZATION=FORCED"]],
  ["ENCRYPTION ON", ["ENCRYPTION=ON"]],
  ["PARTNER SAFETY FULL", ["PARTNER SAFETY=FULL"]],
  ["PARTNER TIMEOUT 30", ["PARTNER TIMEOUT=30"]],
  ["PARTNER = 'TCP://m1:5022'", ["PARTNER=TCP://m1:5022"]],
  ["HADR AVAILABILITY GROUP = SalesAG", ["HADR AVAILABILITY GROUP=SalesAG"]],
  ["HADR SUSPEND", ["HADR=SUSPEND"]],
  ["QUERY_STORE CLEAR ALL", ["QUERY_STORE CLEAR=ALL"]],
  [
    "CHANGE_TRACKING = ON (AUTO_CLEANUP = ON, CHANGE_RETENTION = 2 DAYS)",
    ["CHANGE_TRACKING=ON{AUTO_CLEANUP=ON,CHANGE_RETENTION=2 DAYS}"],
  ],
  [
    "QUERY_STORE = ON (CLEANUP_POLICY = (STALE_QUERY_THRESHOLD_DAYS = 30))",
    ["QUERY_STORE=ON{CLEANUP_POLICY{STALE_QUERY_THRESHOLD_DAYS=30}}"],
  ],
  ["AUTO_CREATE_STATISTICS ON (INCREMENTAL = ON)", ["AUTO_CREATE_STATISTICS=ON{INCREMENTAL=ON}"]],
  ["FILESTREAM (DIRECTORY_NAME = N'docs')", ["FILESTREAM{DIRECTORY_NAME=docs}"]],
  ["ENABLE_BROKER, TRUSTWORTHY ON", ["ENABLE_BROKER", "TRUSTWORTHY=ON"]],
];

for (const [options, expected, termination] of setCases) {
  test(`ALTER DATABASE SET ${options}`, () => {
    const s = one(`ALTER DATABASE Sales SET ${options}`, "AlterDatabaseSetStatement");
    assert.equal(s.database?.value, "Sales");
    assert.equal(s.current, false);
    assert.deepEqual(describe(s.options), expected);
    assert.equal(s.termination?.type, termination);
  });
}

test("ALTER DATABASE CURRENT and a statement after it", () => {
  const [set, print] = parse("ALTER DATABASE CURRENT SET MULTI_USER\nPRINT 'x'");
  assert.equal(set!.kind, "AlterDatabaseSetStatement");
  assert.equal(set!.kind === "AlterDatabaseSetStatement" && set.current, true);
  assert.equal(print!.kind, "PrintStatement");
});

test("ALTER DATABASE file and filegroup actions", () => {
  const add = one(
    "ALTER DATABASE Sales ADD FILE (NAME = s3, FILENAME = 'D:\\s3.ndf'), (NAME = s4, FILENAME = 'D:\\s4.ndf') TO FILEGROUP Archive",
    "AlterDatabaseAddFileStatement",
  );
  assert.equal(add.log, false);
  assert.deepEqual(add.files.map((f) => f.logicalName), ["s3", "s4"]);
  assert.equal(add.fileGroup?.value, "Archive");

  const log = one("ALTER DATABASE Sales ADD LOG FILE (NAME = l2, FILENAME = 'L:\\l2.ldf')", "AlterDatabaseAddFileStatement");
  assert.equal(log.log, true);

  const remove = one("ALTER DATABASE Sales REMOVE FILE s4", "AlterDatabaseRemoveFileStatement");
  assert.equal(remove.file.value, "s4");

  const modify = one("ALTER DATABASE Sales MODIFY FILE (NAME = s3, SIZE = 2 GB)", "AlterDatabaseModifyFileStatement");
  assert.deepEqual(describe(modify.file.options), ["NAME=s3", "SIZE=2 GB"]);

  const group = one("ALTER DATABASE Sales ADD FILEGROUP Hot CONTAINS MEMORY_OPTIMIZED_DATA", "AlterDatabaseAddFileGroupStatement");
  assert.equal(group.fileGroup.value, "Hot");
  assert.equal(group.contains, "MEMORY_OPTIMIZED_DATA");

  const readOnly = one("ALTER DATABASE Sales MODIFY FILEGROUP Archive READ_ONLY", "AlterDatabaseModifyFileGroupStatement");
  assert.equal(readOnly.property, "READ_ONLY");

  const rename = one("ALTER DATABASE Sales MODIFY FILEGROUP Archive NAME = History", "AlterDatabaseModifyFileGroupStatement");
  assert.equal(rename.newName?.value, "History");

  const name = one("ALTER DATABASE Sales MODIFY NAME = Sales2", "AlterDatabaseModifyNameStatement");
  assert.equal(name.newName.value, "Sales2");

  const collate = one("ALTER DATABASE Sales COLLATE Latin1_General_BIN2", "AlterDatabaseCollateStatement");
  assert.equal(collate.collation.value, "Latin1_General_BIN2");
});

test("ALTER DATABASE SCOPED CONFIGURATION", () => {
  const set = one(
    "ALTER DATABASE SCOPED CONFIGURATION FOR SECONDARY SET MAXDOP = PRIMARY",
    "AlterDatabaseScopedConfigurationSetStatement",
  );
  assert.equal(set.secondary, true);
  assert.deepEqual(describe([set.option]), ["MAXDOP=PRIMARY"]);

  const clear = one(
    "ALTER DATABASE SCOPED CONFIGURATION CLEAR PROCEDURE_CACHE 0x0600",
    "AlterDatabaseScopedConfigurationClearStatement",
  );
  assert.equal(clear.secondary, false);
  assert.equal(clear.planHandle?.kind, "Literal");
});

test("ALTER SERVER CONFIGURATION settings", () => {
  const affinity = one(
    "ALTER SERVER CONFIGURATION SET PROCESS AFFINITY CPU = 0 TO 3, 8",
    "AlterServerConfigurationStatement",
  );
  assert.equal(affinity.setting, "PROCESS AFFINITY");
  assert.deepEqual(describe(affinity.options), ["CPU=(0 TO 3,8)"]);

  const bpe = one(
    "ALTER SERVER CONFIGURATION SET BUFFER POOL EXTENSION ON (FILENAME = 'F:\\x.bpe', SIZE = 50 GB)",
    "AlterServerConfigurationStatement",
  );
  assert.equal(bpe.setting, "BUFFER POOL EXTENSION");
  assert.equal(bpe.value?.type === "word" && bpe.value.value, "ON");
  assert.deepEqual(describe(bpe.options), ["FILENAME=F:\\x.bpe", "SIZE=50 GB"]);

  const context = one("ALTER SERVER CONFIGURATION SET HADR CLUSTER CONTEXT = LOCAL", "AlterServerConfigurationStatement");
  assert.equal(context.setting, "HADR CLUSTER CONTEXT");

  const log = one("ALTER SERVER CONFIGURATION SET DIAGNOSTICS LOG MAX_SIZE = 10 MB", "AlterServerConfigurationStatement");
  assert.deepEqual(describe(log.options), ["MAX_SIZE=10 MB"]);
});

test("RECONFIGURE, SHUTDOWN, CHECKPOINT and KILL", () => {
  assert.equal(one("RECONFIGURE WITH OVERRIDE", "ReconfigureStatement").withOverride, true);
  assert.equal(one("RECONFIGURE", "ReconfigureStatement").withOverride, false);
  assert.equal(one("SHUTDOWN WITH NOWAIT", "ShutdownStatement").noWait, true);
  assert.equal(one("CHECKPOINT 10", "CheckpointStatement").duration?.kind, "Literal");
  assert.equal(one("CHECKPOINT", "CheckpointStatement").duration, undefined);

  const kill = one("KILL 53 WITH STATUSONLY", "KillStatement");
  assert.equal(kill.statusOnly, true);
  assert.equal(kill.target.kind === "Literal" && kill.target.value, "53");
  assert.equal(one("KILL QUERY NOTIFICATION SUBSCRIPTION ALL", "KillQueryNotificationSubscriptionStatement").all, true);
  assert.equal(one("KILL STATS JOB 4", "KillStatsJobStatement").jobId.kind, "Literal");
});

const dbccCases: [string, string, string[], string[]][] = [
  ["DBCC CHECKDB", "CHECKDB", [], []],
  ["DBCC checkdb (N'Sales') WITH NO_INFOMSGS, ALL_ERRORMSGS", "CHECKDB", ["Literal"], ["NO_INFOMSGS", "ALL_ERRORMSGS"]],
  ["DBCC CHECKIDENT ('dbo.Orders', RESEED, 0)", "CHECKIDENT", ["Literal", "ColumnReference", "Literal"], []],
  ["DBCC SQLPERF(LOGSPACE)", "SQLPERF", ["ColumnReference"], []],
  ["DBCC TRACEON(1222, -1)", "TRACEON", ["Literal", "UnaryExpression"], []],
  ["DBCC SHOW_STATISTICS ('dbo.t', IX_t) WITH HISTOGRAM", "SHOW_STATISTICS", ["Literal", "ColumnReference"], ["HISTOGRAM"]],
  ["DBCC CHECKDB WITH MAXDOP = 2", "CHECKDB", [], ["MAXDOP=2"]],
  ["DBCC INPUTBUFFER (@@SPID)", "INPUTBUFFER", ["GlobalVariableReference"], []],
];

for (const [text, command, argumentKinds, options] of dbccCases) {
  test(`DBCC ${text.slice(5)}`, () => {
    const s = one(text, "DbccStatement");
    assert.equal(s.command, command);
    assert.deepEqual(s.arguments.map((a) => a.kind), argumentKinds);
    assert.deepEqual(describe(s.options), options);
  });
}

test("BACKUP DATABASE with devices, mirrors and options", () => {
  const s = one(
    `BACKUP DATABASE Sales FILEGROUP = 'Current', READ_WRITE_FILEGROUPS
       TO DISK = 'X:\\a.bak', URL = @url MIRROR TO SalesTape
       WITH COMPRESSION, STATS = 10, ENCRYPTION (ALGORITHM = AES_256, SERVER CERTIFICATE = BackupCert)`,
    "BackupStatement",
  );
  assert.equal(s.target, "DATABASE");
  assert.equal(s.database.kind === "Identifier" && s.database.value, "Sales");
  assert.deepEqual(s.files.map((f) => f.type), ["FILEGROUP", "READ_WRITE_FILEGROUPS"]);
  assert.deepEqual(s.devices.map((d) => d.deviceType), ["DISK", "URL"]);
  assert.equal(s.devices[1]!.location.kind, "VariableReference");
  assert.deepEqual(s.mirrors.map((m) => m.map((d) => d.deviceType)), [["LOGICAL"]]);
  assert.deepEqual(describe(s.options), [
    "COMPRESSION",
    "STATS=10",
    "ENCRYPTION{ALGORITHM=AES_256,SERVER CERTIFICATE=BackupCert}",
  ]);
});

test("BACKUP LOG to a variable database", () => {
  const s = one("BACKUP LOG @db TO DISK = @file WITH NORECOVERY", "BackupStatement");
  assert.equal(s.target, "LOG");
  assert.equal(s.database.kind, "VariableReference");
  assert.deepEqual(describe(s.options), ["NORECOVERY"]);
});

test("RESTORE DATABASE with MOVE and STOPATMARK", () => {
  const s = one(
    `RESTORE DATABASE Sales FROM DISK = 'X:\\a.bak'
       WITH MOVE 'Sales' TO 'D:\\s.mdf', REPLACE, STOPATMARK = 'm1' AFTER '2024-01-01', STANDBY = 'D:\\undo.dat'`,
    "RestoreStatement",
  );
  assert.equal(s.target, "DATABASE");
  assert.deepEqual(describe(s.options), [
    "MOVE=(Sales,D:\\s.mdf)",
    "REPLACE",
    "STOPATMARK=m1{AFTER=2024-01-01}",
    "STANDBY=D:\\undo.dat",
  ]);
});

test("RESTORE media commands and recovery only", () => {
  const headers = one("RESTORE HEADERONLY FROM TAPE = '\\\\.\\Tape0'", "RestoreStatement");
  assert.equal(headers.target, "HEADERONLY");
  assert.equal(headers.database, undefined);
  assert.equal(headers.devices[0]!.deviceType, "TAPE");

  const recover = one("RESTORE DATABASE Sales WITH RECOVERY", "RestoreStatement");
  assert.deepEqual(recover.devices, []);
  assert.deepEqual(describe(recover.options), ["RECOVERY"]);

  const snapshot = one("RESTORE DATABASE Sales FROM DATABASE_SNAPSHOT = 'SalesSnap'", "RestoreStatement");
  assert.equal(snapshot.fromSnapshot?.kind, "Literal");
});

test("Service Broker objects", () => {
  const type = one(
    "CREATE MESSAGE TYPE [//x/Order] AUTHORIZATION dbo VALIDATION = VALID_XML WITH SCHEMA COLLECTION dbo.OrderSchema",
    "CreateMessageTypeStatement",
  );
  assert.equal(type.name.value, "//x/Order");
  assert.equal(type.owner?.value, "dbo");
  assert.equal(type.validation, "VALID_XML");
  assert.equal(type.schemaCollection?.name.value, "OrderSchema");

  const contract = one(
    "CREATE CONTRACT [//x/C] ([//x/Order] SENT BY INITIATOR, [DEFAULT] SENT BY ANY)",
    "CreateContractStatement",
  );
  assert.deepEqual(
    contract.messages.map((m) => `${m.messageType.value}:${m.sentBy}`),
    ["//x/Order:INITIATOR", "DEFAULT:ANY"],
  );

  const queue = one(
    "CREATE QUEUE dbo.Q WITH STATUS = ON RETENTION = OFF, ACTIVATION (PROCEDURE_NAME = dbo.p, MAX_QUEUE_READERS = 2, EXECUTE AS SELF) ON [DEFAULT]",
    "CreateQueueStatement",
  );
  assert.equal(queue.name.name.value, "Q");
  assert.deepEqual(describe(queue.options), [
    "STATUS=ON",
    "RETENTION=OFF",
    "ACTIVATION{PROCEDURE_NAME=p,MAX_QUEUE_READERS=2,EXECUTE AS=SELF}",
  ]);
  assert.equal(queue.fileGroup?.value, "DEFAULT");

  const rebuild = one("ALTER QUEUE dbo.Q REBUILD WITH (MAXDOP = 2)", "AlterQueueStatement");
  assert.equal(rebuild.action, "REBUILD");

  const service = one("CREATE SERVICE [//x/S] ON QUEUE dbo.Q ([//x/C], [DEFAULT])", "CreateServiceStatement");
  assert.equal(service.queue?.name.value, "Q");
  assert.deepEqual(service.contracts.map((c) => c.value), ["//x/C", "DEFAULT"]);

  const alter = one("ALTER SERVICE [//x/S] (ADD CONTRACT [//x/C2], DROP CONTRACT [//x/C])", "AlterServiceStatement");
  assert.deepEqual(alter.contracts.map((c) => c.value), ["//x/C2"]);
  assert.deepEqual(alter.droppedContracts.map((c) => c.value), ["//x/C"]);
});

test("Service Broker routing and notifications", () => {
  const route = one("CREATE ROUTE R WITH SERVICE_NAME = 's', ADDRESS = 'TCP://h:4022'", "CreateRouteStatement");
  assert.deepEqual(describe(route.options), ["SERVICE_NAME=s", "ADDRESS=TCP://h:4022"]);

  const binding = one(
    "CREATE REMOTE SERVICE BINDING B TO SERVICE '//x/S' WITH USER = Proxy, ANONYMOUS = OFF",
    "CreateRemoteServiceBindingStatement",
  );
  assert.equal(binding.service?.kind, "Literal");
  assert.deepEqual(describe(binding.options), ["USER=Proxy", "ANONYMOUS=OFF"]);

  const priority = one(
    "CREATE BROKER PRIORITY P FOR CONVERSATION SET (CONTRACT_NAME = ANY PRIORITY_LEVEL = 7)",
    "CreateBrokerPriorityStatement",
  );
  assert.deepEqual(describe(priority.options), ["CONTRACT_NAME=ANY", "PRIORITY_LEVEL=7"]);

  const notification = one(
    "CREATE EVENT NOTIFICATION N ON QUEUE dbo.Q WITH FAN_IN FOR QUEUE_ACTIVATION, BROKER_QUEUE_DISABLED TO SERVICE 'S', 'current database'",
    "CreateEventNotificationStatement",
  );
  assert.equal(notification.scope, "QUEUE");
  assert.equal(notification.queue?.name.value, "Q");
  assert.equal(notification.fanIn, true);
  assert.deepEqual(notification.events.map((e) => e.value), ["QUEUE_ACTIVATION", "BROKER_QUEUE_DISABLED"]);
});

test("Service Broker conversations", () => {
  const dialog = one(
    "BEGIN DIALOG CONVERSATION @h FROM SERVICE [//x/A] TO SERVICE '//x/B', 'CURRENT DATABASE' ON CONTRACT [//x/C] WITH RELATED_CONVERSATION_GROUP = @g LIFETIME = 60, ENCRYPTION = OFF",
    "BeginDialogStatement",
  );
  assert.equal(dialog.handle.name, "@h");
  assert.equal(dialog.initiatorService.value, "//x/A");
  assert.equal(dialog.brokerInstance?.kind, "Literal");
  assert.equal(dialog.contract?.value, "//x/C");
  assert.deepEqual(describe(dialog.options), ["RELATED_CONVERSATION_GROUP=@g", "LIFETIME=60", "ENCRYPTION=OFF"]);

  const send = one("SEND ON CONVERSATION (@h1, @h2) MESSAGE TYPE [//x/M] (@body)", "SendStatement");
  assert.equal(send.conversations.length, 2);
  assert.equal(send.messageType?.value, "//x/M");
  assert.equal(send.body?.kind, "VariableReference");

  const end = one("END CONVERSATION @h WITH ERROR = 500 DESCRIPTION = N'failed'", "EndConversationStatement");
  assert.equal(end.errorCode?.kind, "Literal");
  assert.equal(end.errorDescription?.kind, "Literal");
  assert.equal(end.cleanup, false);
  assert.equal(one("END CONVERSATION @h WITH CLEANUP", "EndConversationStatement").cleanup, true);

  const group = one("GET CONVERSATION GROUP @g FROM dbo.Q", "GetConversationGroupStatement");
  assert.equal(group.group.name, "@g");
  assert.equal(one("MOVE CONVERSATION @h TO @g", "MoveConversationStatement").group.kind, "VariableReference");
  assert.equal(
    one("BEGIN CONVERSATION TIMER (@h) TIMEOUT = 60", "BeginConversationTimerStatement").timeout.kind,
    "Literal",
  );
});

test("RECEIVE columns, INTO and WHERE", () => {
  const s = one(
    "RECEIVE TOP (5) @h = conversation_handle, message_type_name AS type, body = CAST(message_body AS xml) FROM dbo.Q INTO @t WHERE conversation_group_id = @g",
    "ReceiveStatement",
  );
  assert.equal(s.top?.kind, "Literal");
  assert.deepEqual(s.columns.map((c) => c.kind), ["SelectAssignment", "SelectColumn", "SelectColumn"]);
  assert.equal(s.columns[1]!.kind === "SelectColumn" && s.columns[1]!.alias?.value, "type");
  assert.equal(s.queue.name.value, "Q");
  assert.equal(s.into?.name, "@t");
  assert.equal(s.where?.kind, "ComparisonExpression");
});

test("full-text catalog, index and stoplist", () => {
  const catalog = one(
    "CREATE FULLTEXT CATALOG Docs WITH ACCENT_SENSITIVITY = OFF AS DEFAULT AUTHORIZATION dbo",
    "CreateFullTextCatalogStatement",
  );
  assert.equal(catalog.isDefault, true);
  assert.equal(catalog.owner?.value, "dbo");
  assert.deepEqual(describe(catalog.options), ["ACCENT_SENSITIVITY=OFF"]);

  const index = one(
    "CREATE FULLTEXT INDEX ON dbo.Docs (Body TYPE COLUMN Ext LANGUAGE 1033 STATISTICAL_SEMANTICS, Title) KEY INDEX PK_Docs ON Docs WITH CHANGE_TRACKING = AUTO, STOPLIST = SYSTEM",
    "CreateFullTextIndexStatement",
  );
  assert.equal(index.table.name.value, "Docs");
  assert.equal(index.columns[0]!.typeColumn?.value, "Ext");
  assert.equal(index.columns[0]!.statisticalSemantics, true);
  assert.equal(index.columns[1]!.language, undefined);
  assert.equal(index.keyIndex.value, "PK_Docs");
  assert.equal(index.catalog?.value, "Docs");
  assert.deepEqual(describe(index.options), ["CHANGE_TRACKING=AUTO", "STOPLIST=SYSTEM"]);

  const populate = one("ALTER FULLTEXT INDEX ON dbo.Docs START INCREMENTAL POPULATION", "AlterFullTextIndexStatement");
  assert.equal(populate.action, "START INCREMENTAL POPULATION");
  const add = one("ALTER FULLTEXT INDEX ON dbo.Docs ADD (Summary) WITH NO POPULATION", "AlterFullTextIndexStatement");
  assert.equal(add.action, "ADD");
  assert.deepEqual(describe(add.options), ["NO POPULATION"]);

  const stoplist = one("ALTER FULLTEXT STOPLIST S DROP ALL LANGUAGE 1033", "AlterFullTextStopListStatement");
  assert.equal(stoplist.action, "DROP ALL");
  assert.equal(stoplist.language?.kind, "Literal");
  assert.equal(
    one("CREATE FULLTEXT STOPLIST S2 FROM SYSTEM STOPLIST", "CreateFullTextStopListStatement").source,
    "SYSTEM",
  );
});

test("assemblies and endpoints", () => {
  const assembly = one(
    "CREATE ASSEMBLY Geo AUTHORIZATION dbo FROM 'C:\\Geo.dll' WITH PERMISSION_SET = EXTERNAL_ACCESS",
    "CreateAssemblyStatement",
  );
  assert.equal(assembly.permissionSet, "EXTERNAL_ACCESS");
  assert.equal(assembly.sources.length, 1);

  const alter = one("ALTER ASSEMBLY Geo WITH UNCHECKED DATA DROP FILE ALL", "AlterAssemblyStatement");
  assert.deepEqual(describe(alter.options), ["UNCHECKED DATA"]);
  assert.equal(alter.dropAllFiles, true);

  const endpoint = one(
    "CREATE ENDPOINT Mirror STATE = STARTED AS TCP (LISTENER_PORT = 5022) FOR DATABASE_MIRRORING (ROLE = PARTNER, ENCRYPTION = REQUIRED ALGORITHM AES)",
    "CreateEndpointStatement",
  );
  assert.equal(endpoint.state, "STARTED");
  assert.equal(endpoint.protocol, "TCP");
  assert.equal(endpoint.payload, "DATABASE_MIRRORING");
  assert.deepEqual(describe(endpoint.payloadOptions), ["ROLE=PARTNER", "ENCRYPTION=REQUIRED ALGORITHM AES"]);

  const listener = one(
    "CREATE ENDPOINT Broker AS TCP (LISTENER_PORT = 4022, LISTENER_IP = (10.0.0.1)) FOR SERVICE_BROKER ()",
    "CreateEndpointStatement",
  );
  assert.deepEqual(describe(listener.protocolOptions), ["LISTENER_PORT=4022", "LISTENER_IP=(10.0.0.1)"]);
  assert.deepEqual(listener.payloadOptions, []);
});

test("event sessions", () => {
  const s = one(
    `CREATE EVENT SESSION Slow ON SERVER
       ADD EVENT sqlserver.rpc_completed (SET collect_statement = (1) ACTION (sqlserver.sql_text, sqlserver.session_id) WHERE duration > 1000),
       ADD TARGET package0.event_file (SET filename = N'slow.xel')
       WITH (MAX_MEMORY = 4096 KB, STARTUP_STATE = ON)`,
    "CreateEventSessionStatement",
  );
  assert.equal(s.scope, "SERVER");
  assert.equal(s.events[0]!.name.name.value, "rpc_completed");
  assert.deepEqual(describe(s.events[0]!.setOptions), ["COLLECT_STATEMENT=(1)"]);
  assert.deepEqual(s.events[0]!.actions.map((a) => a.name.value), ["sql_text", "session_id"]);
  assert.equal(s.events[0]!.predicate?.kind, "ComparisonExpression");
  assert.equal(s.targets[0]!.name.name.value, "event_file");
  assert.deepEqual(describe(s.options), ["MAX_MEMORY=4096 KB", "STARTUP_STATE=ON"]);

  const state = one("ALTER EVENT SESSION Slow ON SERVER STATE = START", "AlterEventSessionStatement");
  assert.equal(state.state, "START");
});

test("resource governor", () => {
  const pool = one(
    "CREATE RESOURCE POOL P WITH (MAX_CPU_PERCENT = 40 AFFINITY SCHEDULER = (0 TO 3, 6))",
    "CreateResourcePoolStatement",
  );
  assert.equal(pool.external, false);
  assert.deepEqual(describe(pool.options), ["MAX_CPU_PERCENT=40", "AFFINITY SCHEDULER=(0 TO 3,6)"]);

  const group = one("CREATE WORKLOAD GROUP G WITH (IMPORTANCE = LOW) USING P, EXTERNAL EP", "CreateWorkloadGroupStatement");
  assert.equal(group.pool?.value, "P");
  assert.equal(group.externalPool?.value, "EP");

  const governor = one(
    "ALTER RESOURCE GOVERNOR WITH (CLASSIFIER_FUNCTION = dbo.Classify)",
    "AlterResourceGovernorStatement",
  );
  assert.equal(governor.action, "WITH");
  assert.deepEqual(describe(governor.options), ["CLASSIFIER_FUNCTION=Classify"]);
  assert.equal(one("ALTER RESOURCE GOVERNOR RECONFIGURE", "AlterResourceGovernorStatement").action, "RECONFIGURE");
});

test("availability groups", () => {
  const s = one(
    `CREATE AVAILABILITY GROUP AG WITH (DB_FAILOVER = ON) FOR DATABASE A, B
       REPLICA ON 'N1' WITH (ENDPOINT_URL = 'TCP://n1:5022', SECONDARY_ROLE (ALLOW_CONNECTIONS = ALL)),
                  'N2' WITH (ENDPOINT_URL = 'TCP://n2:5022')
       LISTENER 'ag' (WITH IP (('10.0.0.5', '255.255.255.0')), PORT = 1433)`,
    "CreateAvailabilityGroupStatement",
  );
  assert.deepEqual(s.databases.map((d) => d.value), ["A", "B"]);
  assert.equal(s.replicas.length, 2);
  assert.deepEqual(describe(s.replicas[0]!.options), [
    "ENDPOINT_URL=TCP://n1:5022",
    "SECONDARY_ROLE{ALLOW_CONNECTIONS=ALL}",
  ]);
  assert.deepEqual(describe(s.listener?.options), ["WITH IP=((10.0.0.5,255.255.255.0))", "PORT=1433"]);
  assert.equal(s.distributed, false);

  const add = one("ALTER AVAILABILITY GROUP AG ADD DATABASE C", "AlterAvailabilityGroupStatement");
  assert.equal(add.action, "ADD DATABASE");
  assert.deepEqual(add.databases.map((d) => d.value), ["C"]);
  assert.equal(one("ALTER AVAILABILITY GROUP AG FAILOVER", "AlterAvailabilityGroupStatement").action, "FAILOVER");
});

test("external data sources, file formats and tables", () => {
  const source = one(
    "CREATE EXTERNAL DATA SOURCE Lake WITH (LOCATION = 's3://lake', CREDENTIAL = LakeCred)",
    "CreateExternalDataSourceStatement",
  );
  assert.deepEqual(describe(source.options), ["LOCATION=s3://lake", "CREDENTIAL=LakeCred"]);

  const format = one(
    "CREATE EXTERNAL FILE FORMAT Csv WITH (FORMAT_TYPE = DELIMITEDTEXT, FORMAT_OPTIONS (FIELD_TERMINATOR = ','))",
    "CreateExternalFileFormatStatement",
  );
  assert.deepEqual(describe(format.options), ["FORMAT_TYPE=DELIMITEDTEXT", "FORMAT_OPTIONS{FIELD_TERMINATOR=,}"]);

  const table = one(
    "CREATE EXTERNAL TABLE dbo.T (Id int NOT NULL, Name varchar(50) COLLATE Latin1_General_BIN2) WITH (LOCATION = '/t/', DATA_SOURCE = Lake, FILE_FORMAT = Csv)",
    "CreateExternalTableStatement",
  );
  assert.deepEqual(table.columns.map((c) => c.name.value), ["Id", "Name"]);
  assert.equal(table.columns[0]!.nullable, false);
  assert.equal(table.columns[1]!.collation?.value, "Latin1_General_BIN2");
  assert.equal(table.asSelect, undefined);

  const cetas = one(
    "CREATE EXTERNAL TABLE dbo.S WITH (LOCATION = '/s/', DATA_SOURCE = Lake, FILE_FORMAT = Csv) AS SELECT 1 AS one",
    "CreateExternalTableStatement",
  );
  assert.equal(cetas.asSelect?.kind, "SelectStatement");
});

const errorCases: [string, string, string][] = [
  ["BACKUP TABLE t TO DISK = 'x'", "1:8", "DATABASE, LOG"],
  ["RESTORE HEADERONLY WITH FILE = 1", "1:20", "FROM"],
  ["ALTER DATABASE d SET RECOVERY SIMPLE WITH ROLLBACK LATER", "1:43", "NO_WAIT"],
  ["CREATE MESSAGE TYPE m VALIDATION = XML", "1:36", "WELL_FORMED_XML"],
  ["BEGIN DIALOG @h FROM SERVICE a TO SERVICE b", "1:43", "as a string"],
  ["DBCC CHECKDB (x WITH NO_INFOMSGS", "1:17", "')'"],
];

for (const [text, position, expected] of errorCases) {
  test(`error in ${text}`, () => {
    const batch = { text, start: 0, end: text.length, line: 1, column: 1, repeat: 1, substituted: false, replacements: [] };
    const result = parseBatch(text, batch, { quotedIdentifier: true });
    assert.equal(result.diagnostics.length, 1);
    const diagnostic = result.diagnostics[0]!;
    assert.equal(`${diagnostic.line}:${diagnostic.column}`, position);
    assert.equal(diagnostic.code, "parse.unexpected-token");
    assert.ok(diagnostic.message.includes(expected), diagnostic.message);
    assert.equal(result.batch.statements[0]!.kind, "ErrorStatement");
  });
}
