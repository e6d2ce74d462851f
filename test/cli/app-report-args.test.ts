/**
 * `infio app report` and `infio app companies report`: arguments to
 * options. Each command is parsed with a run function that only records
 * what it receives.
 */

import assert from "node:assert/strict";
import { join } from "node:path";
import { before, describe, it } from "node:test";

import { Command } from "commander";

import { companyReportCommand } from "../../src/cli/app-companies-report.js";
import { appReportCommand } from "../../src/cli/app-report.js";
import { parseAppReportFormats } from "../../src/cli/app-report-options.js";
import type { CommandHost } from "../../src/cli/command.js";
import { UsageError } from "../../src/cli/errors.js";
import { buildProgram } from "../../src/cli/main.js";
import { tempDir } from "../security/temp-dir.js";
import { captureContext } from "./capture.js";

let cwd: string;

before(async () => {
  cwd = await tempDir("infio-app-report-args-");
});

/** Parses `args` and returns what the run function received, or the error. */
async function parse(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ options?: Record<string, unknown>; error?: unknown }> {
  const ctx = captureContext({ cwd, homedir: "/home/dba", env });
  let received: Record<string, unknown> | undefined;
  const host: CommandHost = { ctx, exit: () => undefined };
  const record = async (options: object) => {
    received = options as Record<string, unknown>;
    return 0;
  };
  const companies = new Command("companies").addCommand(companyReportCommand(host, record));
  const app = new Command("app").addCommand(appReportCommand(host, record)).addCommand(companies);
  try {
    await buildProgram(host, [app]).parseAsync(args, { from: "user" });
  } catch (error) {
    return { error };
  }
  return { options: received! };
}

describe("infio app report arguments", () => {
  it("takes the defaults", async () => {
    const { options, error } = await parse(["app", "report", "Cold Chain", "--data-dir", "data"]);

    assert.equal(error, undefined);
    assert.equal(options?.["application"], "Cold Chain");
    assert.equal(options?.["out"], join(cwd, "application-report"));
    assert.deepEqual(options?.["formats"], ["html", "pdf", "json"]);
    assert.equal(options?.["store"], "embedded");
    assert.equal(options?.["dataDir"], join(cwd, "data"));
    assert.equal(options?.["quiet"], false);
    assert.equal("chromium" in options!, false);
    assert.equal("target" in options!, false);
  });

  it("resolves the folder, Chromium and target", async () => {
    const { options } = await parse([
      "app", "report", "Billing", "--out", "r", "--format", "JSON, pdf", "--chromium", "bin/chromium",
      "--target", "postgresql@17", "--key-file", "master.key", "-q",
    ]);

    assert.equal(options?.["out"], join(cwd, "r"));
    assert.deepEqual(options?.["formats"], ["pdf", "json"]);
    assert.equal(options?.["chromium"], join(cwd, "bin", "chromium"));
    assert.equal(options?.["target"], "postgresql@17");
    assert.equal((options?.["masterKey"] as { keyFile: string }).keyFile, join(cwd, "master.key"));
    assert.equal(options?.["quiet"], true);
  });

  it("parses the company report", async () => {
    const { options } = await parse(["app", "companies", "report", "Kestrel Logistics", "--format", "html"]);

    assert.equal(options?.["company"], "Kestrel Logistics");
    assert.equal(options?.["out"], join(cwd, "company-report"));
    assert.deepEqual(options?.["formats"], ["html"]);
  });

  it("rejects an invalid target", async () => {
    const { error } = await parse(["app", "report", "Billing", "--target", "oracle"]);

    assert.ok(error instanceof UsageError);
    assert.match(error.message, /^--target: /);
  });

  it("rejects --store none", async () => {
    const { error } = await parse(["app", "companies", "report", "Kestrel", "--store", "none"]);

    assert.ok(error instanceof UsageError);
    assert.match(error.message, /--store none keeps no assessments/);
  });
});

describe("parseAppReportFormats", () => {
  it("keeps the html, pdf, json order", () => {
    assert.deepEqual(parseAppReportFormats("json,html"), ["html", "json"]);
    assert.deepEqual(parseAppReportFormats("pdf,,PDF"), ["pdf"]);
  });

  it("rejects other formats", () => {
    assert.throws(() => parseAppReportFormats("html,csv"), /invalid format 'csv' in --format 'html,csv'; use a comma-separated list of html, pdf, json/);
    assert.throws(() => parseAppReportFormats(" , "), /names no format/);
  });
});
