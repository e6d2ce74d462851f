import { test } from "node:test";
import assert from "node:assert/strict";

import { configurationPart } from "../../../../src/sources/sqlserver/inventory/configuration.js";
import { hostPart } from "../../../../src/sources/sqlserver/inventory/host.js";
import { serverPart } from "../../../../src/sources/sqlserver/inventory/server.js";
import { itemWhere, runPart } from "./harness.js";

test("server part reads SERVERPROPERTY", async () => {
  const { items, queryIds } = await runPart(serverPart);

  assert.deepEqual(queryIds, ["inventory.server-properties"]);
  assert.deepEqual(items, [
    {
      name: "KESTREL-SQL01",
      machineName: "KESTREL-SQL01",
      instanceName: null,
      productVersion: "16.0.4135.4",
      majorVersion: 16,
      productLevel: "RTM",
      productUpdateLevel: "CU15",
      edition: "Enterprise Edition: Core-based Licensing (64-bit)",
      engineEdition: 3,
      engineEditionName: "Enterprise",
      collation: "SQL_Latin1_General_CP1_CI_AS",
      isClustered: false,
      isHadrEnabled: true,
      isFullTextInstalled: true,
      isIntegratedSecurityOnly: false,
      isXtpSupported: true,
      isPolyBaseInstalled: false,
      filestreamLevel: 2,
      filestreamLevelName: "T-SQL and local file system access",
    },
  ]);
});

test("host part on SQL Server 2022", async () => {
  const { items, queryIds } = await runPart(hostPart, { majorVersion: 16 });

  assert.deepEqual(queryIds, ["inventory.host-resources.2017", "inventory.host-os.2017"]);
  assert.deepEqual(items, [
    {
      cpuCount: 8,
      hyperthreadRatio: 4,
      socketCount: 2,
      coresPerSocket: 4,
      numaNodeCount: 2,
      physicalMemoryMb: 65536,
      availableMemoryMb: 6144,
      committedTargetMb: 57344,
      memoryState: "Available physical memory is high",
      memoryModel: "CONVENTIONAL",
      virtualMachineType: "HYPERVISOR",
      startedAt: "2025-05-31T22:14:03.000Z",
      platform: "Windows",
      distribution: "Windows Server 2022 Datacenter",
      release: "10.0",
      servicePackLevel: "",
      sku: 8,
      osLanguageVersion: 1033,
    },
  ]);
});

test("host part on SQL Server 2016", async () => {
  const { items, queryIds } = await runPart(hostPart, { majorVersion: 13 });

  assert.deepEqual(queryIds, ["inventory.host-resources.2016", "inventory.host-os.2016"]);
  const [host] = items;
  assert.equal(host?.["cpuCount"], 8);
  assert.equal(host?.["socketCount"], null);
  assert.equal(host?.["coresPerSocket"], null);
  assert.equal(host?.["memoryModel"], null);
  assert.equal(host?.["platform"], "Windows");
  assert.equal(host?.["distribution"], null);
  assert.equal(host?.["release"], "10.0");
});

test("configuration part lists every option", async () => {
  const { items, queryIds } = await runPart(configurationPart);

  assert.deepEqual(queryIds, ["inventory.configurations"]);
  assert.equal(items.length, 44);
  assert.equal(items[0]?.["name"], "recovery interval (min)");
});

test("configuration part flags changed options", async () => {
  const { items } = await runPart(configurationPart);

  const flagged = items.filter((item) => item["flagged"] === true).map((item) => item["name"]);
  assert.deepEqual(flagged, [
    "show advanced options",
    "cost threshold for parallelism",
    "max degree of parallelism",
    "max server memory (MB)",
    "clr enabled",
    "remote admin connections",
    "backup compression default",
    "filestream access level",
    "optimize for ad hoc workloads",
    "backup checksum default",
    "Database Mail XPs",
    "Ole Automation Procedures",
    "xp_cmdshell",
  ]);

  assert.deepEqual(itemWhere(items, { name: "xp_cmdshell" }), {
    name: "xp_cmdshell",
    value: 1,
    valueInUse: 1,
    minimum: 0,
    maximum: 1,
    isDynamic: true,
    isAdvanced: true,
    valueInUseDiffers: false,
    defaultValue: 0,
    isDefault: false,
    flagged: true,
    reason: "xp_cmdshell runs operating-system commands from T-SQL",
  });
});

test("configuration part keeps unflagged options plain", async () => {
  const { items } = await runPart(configurationPart);

  const contained = itemWhere(items, { name: "contained database authentication" });
  assert.equal(contained["isDefault"], true);
  assert.equal(contained["flagged"], false);
  assert.equal(contained["reason"], null);

  const unknown = itemWhere(items, { name: "locks" });
  assert.equal(unknown["defaultValue"], null);
  assert.equal(unknown["isDefault"], null);
  assert.equal(unknown["flagged"], false);
});

test("configuration part flags a pending value", async () => {
  const { items } = await runPart(configurationPart);

  // Set to 1 with sp_configure, RECONFIGURE not yet run.
  const adHoc = itemWhere(items, { name: "optimize for ad hoc workloads" });
  assert.equal(adHoc["value"], 1);
  assert.equal(adHoc["valueInUse"], 0);
  assert.equal(adHoc["valueInUseDiffers"], true);
  assert.equal(adHoc["flagged"], true);
});

test("configuration part judges the configured value", async () => {
  const { items } = await runPart(configurationPart);

  // Configured 0, the default; SQL Server runs it as 16.
  const minMemory = itemWhere(items, { name: "min server memory (MB)" });
  assert.equal(minMemory["valueInUse"], 16);
  assert.equal(minMemory["isDefault"], true);
  assert.equal(minMemory["flagged"], false);
});
