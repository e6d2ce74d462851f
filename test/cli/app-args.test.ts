/**
 * `infio app` and `infio assess --app`: arguments to options. Each command
 * is parsed with a run function that only records what it receives.
 */

import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";

import { Command } from "commander";

import { applicationsCommand } from "../../src/cli/app-applications.js";
import { companiesCommand } from "../../src/cli/app-companies.js";
import { metricsCommand } from "../../src/cli/app-metrics.js";
import { questionnaireCommand } from "../../src/cli/app-questionnaire.js";
import { serversCommand, type ServersOptions } from "../../src/cli/app-servers.js";
import { assessCommand, type AssessOptions } from "../../src/cli/assess.js";
import type { CommandHost } from "../../src/cli/command.js";
import { UsageError } from "../../src/cli/errors.js";
import { buildProgram } from "../../src/cli/main.js";
import type { ServerFields } from "../../src/store/application-model.js";
import { tempDir } from "../security/temp-dir.js";
import { captureContext } from "./capture.js";

let cwd: string;
const HOME = "/home/dba";

before(async () => {
  cwd = await tempDir("infio-app-args-");
  mkdirSync(join(cwd, "sql"));
});

/** Parses `args` and returns what the run function received, or the error. */
async function parse(args: string[], terminal = false): Promise<{ options?: unknown; error?: unknown }> {
  const ctx = captureContext({
    cwd,
    homedir: HOME,
    ...(terminal ? { terminal: { input: {} as never, output: { write: () => undefined } } } : {}),
  });
  let received: unknown;
  const host: CommandHost = { ctx, exit: () => undefined };
  const record = async (options: unknown) => {
    received = options;
    return 0;
  };
  const app = new Command("app")
    .addCommand(companiesCommand(host, record))
    .addCommand(applicationsCommand(host, record))
    .addCommand(serversCommand(host, record))
    .addCommand(questionnaireCommand(host, record))
    .addCommand(metricsCommand(host, record));
  const program = buildProgram(host, [app, assessCommand(host, record)]);
  try {
    await program.parseAsync(args, { from: "user" });
  } catch (error) {
    return { error };
  }
  return { options: received };
}

async function options(args: string[], terminal = false): Promise<Record<string, unknown>> {
  const parsed = await parse(args, terminal);
  assert.equal(parsed.error, undefined, String(parsed.error));
  return parsed.options as Record<string, unknown>;
}

async function usageError(args: string[], pattern: RegExp): Promise<void> {
  const parsed = await parse(args);
  assert.ok(parsed.error instanceof UsageError, `expected a UsageError, got ${String(parsed.error)}`);
  assert.match(parsed.error.message, pattern);
}

const STORE = { store: "embedded", dataDir: join(HOME, ".infio"), quiet: false };

describe("infio app companies: arguments to options", () => {
  it("parses add, list, rename and remove", async () => {
    assert.deepEqual(await options(["app", "companies", "add", "Acme"]), { ...STORE, verb: "add", name: "Acme" });
    assert.deepEqual(await options(["app", "companies", "list", "--json", "-q"]), { ...STORE, quiet: true, verb: "list", json: true });
    assert.deepEqual(await options(["app", "companies", "rename", "Acme", "Acme Ltd"]), {
      ...STORE,
      verb: "rename",
      name: "Acme",
      newName: "Acme Ltd",
    });
    assert.deepEqual(await options(["app", "companies", "remove", "Acme", "--yes", "--data-dir", "d"]), {
      ...STORE,
      dataDir: join(cwd, "d"),
      verb: "remove",
      name: "Acme",
      yes: true,
    });
  });

  it("rejects invalid names and --store none", async () => {
    await usageError(["app", "companies", "add", " Acme"], /remove the spaces/);
    await usageError(["app", "companies", "rename", "Acme", "a\u0007b"], /control characters/);
    await usageError(["app", "companies", "add", "Acme", "--store", "none"], /--store none keeps no companies/);
  });
});

describe("infio app applications: arguments to options", () => {
  it("parses every verb", async () => {
    assert.deepEqual(await options(["app", "applications", "add", "Billing", "-c", "Acme"]), {
      ...STORE,
      verb: "add",
      name: "Billing",
      company: "Acme",
    });
    assert.deepEqual(await options(["app", "applications", "list", "--company", "Acme"]), {
      ...STORE,
      verb: "list",
      company: "Acme",
      json: false,
    });
    assert.deepEqual(await options(["app", "applications", "show", "Billing", "--json"]), {
      ...STORE,
      verb: "show",
      name: "Billing",
      json: true,
    });
    assert.deepEqual(await options(["app", "applications", "move", "Billing", "--company", "Other"]), {
      ...STORE,
      verb: "move",
      name: "Billing",
      company: "Other",
    });
    assert.deepEqual(await options(["app", "applications", "remove", "Billing"]), {
      ...STORE,
      verb: "remove",
      name: "Billing",
      yes: false,
    });
  });

  it("requires the company of a new application", async () => {
    const parsed = await parse(["app", "applications", "add", "Billing"]);
    assert.match(String(parsed.error), /required option '-c, --company <name>' not specified/);
  });
});

describe("infio app servers: arguments to options", () => {
  const live = ["--server", "sql01,1433", "--user", "reader", "--password-env", "SQL_PW"];

  it("parses a live server with its databases", async () => {
    const parsed = (await options([
      "app", "servers", "add", "Billing", "sql01", "--production", ...live,
      "--tls-ca", "ca.pem", "-d", "Billing", "-d", "billing", "--exclude-database", "Scratch", "--include-system-databases",
    ])) as unknown as Extract<ServersOptions, { verb: "add" }>;

    assert.equal(parsed.application, "Billing");
    assert.deepEqual(parsed.fields, {
      name: "sql01",
      environment: "production",
      source: {
        kind: "live",
        connection: { server: "sql01,1433", user: "reader", tlsCa: join(cwd, "ca.pem") },
        secret: { kind: "env", variable: "SQL_PW" },
      },
      databases: ["Billing"],
      excludedDatabases: ["Scratch"],
      includeSystemDatabases: true,
    });
  });

  it("keeps each password source as a reference", async () => {
    const cases: [string[], unknown][] = [
      [["--password-file", "pw.txt"], { kind: "file", path: join(cwd, "pw.txt") }],
      [["-P", "env:OTHER"], { kind: "env", variable: "OTHER" }],
      [["--password", "prompt"], { kind: "prompt" }],
      [
        ["--secret-arn", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:sql-AbCdEf"],
        { kind: "secret-arn", arn: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:sql-AbCdEf" },
      ],
    ];
    for (const [args, secret] of cases) {
      const parsed = (await options([
        "app", "servers", "add", "Billing", "s", "--non-production", "--server", "sql01", "--user", "u", ...args,
      ])) as unknown as Extract<ServersOptions, { verb: "add" }>;
      assert.deepEqual(parsed.fields.source.kind === "live" && parsed.fields.source.secret, secret, args.join(" "));
    }
  });

  it("parses a script folder", async () => {
    const parsed = (await options(["app", "servers", "add", "Billing", "repo", "--non-production", "--scripts", "sql"])) as unknown as Extract<
      ServersOptions,
      { verb: "add" }
    >;
    assert.deepEqual(parsed.fields.source, { kind: "scripts", path: join(cwd, "sql") });
    assert.equal(parsed.fields.environment, "non-production");
  });

  it("parses a saved console connection", async () => {
    const parsed = (await options([
      "app", "servers", "add", "Billing", "s", "--production", "--saved-connection", "Kestrel", "-d", "Sales",
    ])) as unknown as Extract<ServersOptions, { verb: "add" }>;

    assert.deepEqual(parsed.fields.source, { kind: "live", connection: {}, secret: { kind: "saved-connection", id: "Kestrel" } });
    assert.deepEqual(parsed.fields.databases, ["Sales"]);
    await usageError(
      ["app", "servers", "add", "Billing", "s", "--production", "--saved-connection", "Kestrel", "--user", "u"],
      /--user applies to a live server only, not to a saved connection/,
    );
    await usageError(
      ["app", "servers", "add", "Billing", "s", "--production", "--saved-connection", "Kestrel", "--scripts", "sql"],
      /not several/,
    );
  });

  it("keeps a saved connection when only the databases change", async () => {
    const stored: ServerFields = {
      name: "s",
      environment: "production",
      source: { kind: "live", connection: {}, secret: { kind: "saved-connection", id: "0b7c" } },
      databases: [],
      excludedDatabases: [],
      includeSystemDatabases: false,
    };
    const parsed = (await options(["app", "servers", "change", "Billing", "s", "--exclude-database", "Scratch"])) as unknown as Extract<
      ServersOptions,
      { verb: "change" }
    >;

    const changed = parsed.change(stored);

    assert.deepEqual(changed.source, stored.source);
    assert.deepEqual(changed.excludedDatabases, ["Scratch"]);
  });

  it("rejects invalid server options", async () => {
    const add = ["app", "servers", "add", "Billing", "s"];
    await usageError([...add, ...live], /pass --production or --non-production/);
    await usageError([...add, "--production", "--non-production", ...live], /contradict each other/);
    await usageError([...add, "--production"], /nothing to assess/);
    await usageError([...add, "--production", ...live, "--scripts", "sql"], /not several/);
    await usageError([...add, "--production", "--scripts", "missing"], /invalid --scripts 'missing': no such folder/);
    await usageError([...add, "--production", "--scripts", "sql", "-d", "Billing"], /--database applies to a live server only/);
    await usageError([...add, "--production", "--scripts", "sql", "--exclude-database", "x"], /apply to a live server only/);
    await usageError([...add, "--production", ...live, "-d", "A", "--exclude-database", "a"], /database 'a' is both included/);
    await usageError([...add, "--production", "--server", "s", "--user", "u", "--password", "hunter2hunter2"], /--password/);
    await usageError([...add, "--production", "--connection-string", "Server=s;User ID=u;Password=x", "--password-env", "P"], /password/i);
  });

  it("merges a change into the stored fields", async () => {
    const stored: ServerFields = {
      name: "sql01",
      environment: "production",
      source: {
        kind: "live",
        connection: { server: "sql01", user: "reader", tls: "strict" },
        secret: { kind: "env", variable: "SQL_PW" },
      },
      databases: ["Billing"],
      excludedDatabases: ["Scratch"],
      includeSystemDatabases: true,
    };
    const change = async (args: string[]) => {
      const parsed = (await options(["app", "servers", "change", "Billing", "sql01", ...args])) as unknown as Extract<
        ServersOptions,
        { verb: "change" }
      >;
      return parsed.change(stored);
    };

    assert.deepEqual((await change(["--user", "other"])).source, {
      kind: "live",
      connection: { server: "sql01", user: "other", tls: "strict" },
      secret: { kind: "env", variable: "SQL_PW" },
    });
    assert.deepEqual((await change(["--password-file", "/pw"])).source, {
      kind: "live",
      connection: { server: "sql01", user: "reader", tls: "strict" },
      secret: { kind: "file", path: "/pw" },
    });
    const renamed = await change(["--rename", "sql-prod", "--non-production", "--all-databases", "--clear-excluded-databases", "--no-include-system-databases"]);
    assert.equal(renamed.name, "sql-prod");
    assert.equal(renamed.environment, "non-production");
    assert.deepEqual(renamed.databases, []);
    assert.deepEqual(renamed.excludedDatabases, []);
    assert.equal(renamed.includeSystemDatabases, false);
    assert.deepEqual((await change(["--scripts", "sql"])).source, { kind: "scripts", path: join(cwd, "sql") });
    assert.deepEqual((await change([])).databases, ["Billing"]);
  });
});

describe("infio app questionnaire and metrics: arguments to options", () => {
  it("parses answers and notes", async () => {
    assert.deepEqual(
      await options(["app", "questionnaire", "set", "Billing", "--third-party", "yes", "--code-changeable", "unknown", "--notes", "n"]),
      { ...STORE, verb: "set", application: "Billing", changes: { thirdParty: true, codeChangeable: null, notes: "n" } },
    );
    assert.deepEqual(await options(["app", "questionnaire", "set", "Billing", "--clear-notes"]), {
      ...STORE,
      verb: "set",
      application: "Billing",
      changes: { notes: null },
    });
    await usageError(["app", "questionnaire", "set", "Billing"], /nothing to set/);
    await usageError(["app", "questionnaire", "set", "Billing", "--notes", "x", "--clear-notes"], /contradict/);
    const bad = await parse(["app", "questionnaire", "set", "Billing", "--third-party", "maybe"]);
    assert.match(String(bad.error), /Allowed choices are yes, no, unknown/);
  });

  it("parses metric values with their units", async () => {
    assert.deepEqual(
      await options(["app", "metrics", "set", "Billing", "--cpu-cores", "32", "--memory", "64GB", "--storage", "1536GB", "--clear", "primary-replicas"]),
      {
        ...STORE,
        verb: "set",
        application: "Billing",
        values: [
          { name: "cpu-cores", value: 32 },
          { name: "memory-mb", value: 65_536 },
          { name: "storage-mb", value: 1_572_864 },
        ],
        clear: ["primary-replicas"],
      },
    );
    assert.deepEqual(await options(["app", "metrics", "show", "Billing", "--json"]), {
      ...STORE,
      verb: "show",
      application: "Billing",
      json: true,
    });
  });

  it("rejects invalid metric options", async () => {
    await usageError(["app", "metrics", "set", "Billing"], /nothing to set/);
    await usageError(["app", "metrics", "set", "Billing", "--cpu-cores", "many"], /--cpu-cores/);
    await usageError(["app", "metrics", "set", "Billing", "--cpu-cores", "2", "--clear", "cpu-cores"], /both set and cleared/);
    await usageError(["app", "metrics", "set", "Billing", "--clear", "disks"], /invalid --clear 'disks'; use one of production-instances/);
  });
});

describe("infio assess --app: arguments to options", () => {
  it("takes the application instead of a source", async () => {
    const parsed = (await options(["assess", "--app", "Billing", "--out", "r"])) as unknown as AssessOptions;

    assert.equal(parsed.app, "Billing");
    assert.deepEqual(parsed.paths, []);
    assert.equal(parsed.collected, undefined);
    assert.equal(parsed.out, join(cwd, "r"));
  });

  it("rejects another source or connection options with --app", async () => {
    await usageError(["assess", "--app", "Billing", "db"], /leave out script paths/);
    await usageError(["assess", "--app", "Billing", "--server", "s"], /leave out script paths/);
    await usageError(["assess", "--app", "Billing", "--user", "u"], /--user applies to a live server only/);
    await usageError(["assess", "--app", ""], /invalid --app ''/);
  });
});
