/**
 * Arguments to options: each command parsed with a run function that only
 * records what it receives.
 */

import assert from "node:assert/strict";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import { describe, it } from "node:test";

import { assessCommand, defaultJobs, type AssessOptions } from "../../src/cli/assess.js";
import type { CommandHost } from "../../src/cli/command.js";
import { diffCommand } from "../../src/cli/diff.js";
import { listCommand } from "../../src/cli/list.js";
import { buildProgram, main } from "../../src/cli/main.js";
import { reportCommand } from "../../src/cli/report.js";
import { showCommand } from "../../src/cli/show.js";
import { parseTarget } from "../../src/catalog/targets.js";
import { captureContext } from "./capture.js";

const CWD = "/work/here";
const HOME = "/home/dba";

/** Parses `args` and returns what the command's run function received. */
async function parse(args: string[], env: Record<string, string> = {}) {
  const ctx = captureContext({ cwd: CWD, homedir: HOME, env });
  let received: unknown;
  let code = -1;
  const host: CommandHost = { ctx, exit: (c) => (code = c) };
  const record = async (options: unknown) => {
    received = options;
    return 0;
  };
  const program = buildProgram(host, [
    assessCommand(host, record),
    reportCommand(host, record),
    listCommand(host, record),
    showCommand(host, record),
    diffCommand(host, record),
  ]);
  try {
    await program.parseAsync(args, { from: "user" });
  } catch (error) {
    return { error, ctx, code };
  }
  return { options: received, ctx, code };
}

function target(name: string) {
  const parsed = parseTarget(name);
  assert.ok(parsed.ok);
  return parsed.target;
}

const ASSESS_DEFAULTS: AssessOptions = {
  paths: ["db"],
  out: resolve(CWD, "infio-report"),
  formats: ["json", "html", "csv", "sarif"],
  target: target("babelfish"),
  store: "embedded",
  dataDir: join(HOME, ".infio"),
  include: [],
  exclude: [],
  variables: {},
  jobs: Math.max(1, availableParallelism() - 1),
  quiet: false,
  maxFileSize: 16 * 1024 * 1024,
};

describe("infio assess: arguments to options", () => {
  const cases: [args: string[], expected: Partial<AssessOptions>, env?: Record<string, string>][] = [
    [["assess", "db"], {}],
    [["assess", "db", "more/x.sql", "-"], { paths: ["db", "more/x.sql", "-"] }],
    [["assess", "db", "--out", "r"], { out: resolve(CWD, "r") }],
    [["assess", "db", "-o", "/abs/r"], { out: "/abs/r" }],
    [["assess", "db", "--format", "sarif, json"], { formats: ["json", "sarif"] }],
    [["assess", "db", "--target", "postgresql@17"], { target: target("postgresql@17") }],
    [["assess", "db", "-t", "babelfish@5.5"], { target: target("babelfish@5.5") }],
    [
      ["assess", "db", "-t", "babelfish@4.4", "--compare", "babelfish@5.5"],
      { target: target("babelfish@4.4"), compare: target("babelfish@5.5") },
    ],
    [["assess", "db", "--compare", "postgresql"], { compare: target("postgresql") }],
    [["assess", "db", "--store", "none"], { store: "none", jobs: availableParallelism() }],
    [["assess", "db", "--store", "postgres://u@h/db"], { store: "postgres://u@h/db" }],
    [["assess", "db", "--data-dir", "state"], { dataDir: resolve(CWD, "state") }],
    [["assess", "db"], { dataDir: "/srv/infio" }, { INFIO_HOME: "/srv/infio" }],
    [["assess", "db", "--data-dir", "/x"], { dataDir: "/x" }, { INFIO_HOME: "/srv/infio" }],
    [["assess", "db", "--include", "*.prc", "--include", "x/**"], { include: ["*.prc", "x/**"] }],
    [["assess", "db", "--exclude", "old/**"], { exclude: ["old/**"] }],
    [["assess", "db", "--encoding", "cp1252"], { encoding: "cp1252" }],
    [["assess", "db", "--var", "Db=Sales", "--var", "X=a=b"], { variables: { Db: "Sales", X: "a=b" } }],
    [["assess", "db", "--fail-on", "reviewManually"], { failOn: "reviewManually" }],
    [["assess", "db", "--config", "c.json"], { config: resolve(CWD, "c.json") }],
    [["assess", "db", "--jobs", "3"], { jobs: 3 }],
    [["assess", "db", "-j", "1", "-q"], { jobs: 1, quiet: true }],
    [["assess", "db", "--max-file-size", "2k"], { maxFileSize: 2048 }],
    [["assess", "db", "--max-file-size", "1000"], { maxFileSize: 1000 }],
  ];
  for (const [args, expected, env] of cases) {
    it(`${args.join(" ")}${env === undefined ? "" : ` with ${JSON.stringify(env)}`}`, async () => {
      const result = await parse(args, env);
      assert.equal(result.error, undefined, String(result.error));
      assert.deepEqual(result.options, { ...ASSESS_DEFAULTS, ...expected });
      assert.equal(result.code, 0);
    });
  }

  const invalid: [args: string[], fragment: RegExp][] = [
    [["assess", "db", "--target", "oracle"], /invalid target 'oracle'/],
    [["assess", "db", "--format", "pdf"], /invalid format 'pdf'/],
    [["assess", "db", "--var", "novalue"], /invalid --var 'novalue'/],
    [["assess", "db", "--fail-on", "bad"], /invalid --fail-on 'bad'.*notSupported/],
    [["assess", "db", "--jobs", "0"], /invalid --jobs '0'/],
    [["assess", "db", "--jobs", "65"], /invalid --jobs .65.; pass a whole number from 1 to 64/],
    [["assess", "db", "--max-file-size", "lots"], /invalid --max-file-size 'lots'/],
    [["assess", "-", "-"], /standard input \(-\) can be given only once/],
    [["assess", "db", "--compare", "oracle@19"], /--compare: invalid target 'oracle@19'/],
    [["assess", "db", "-t", "babelfish@5.5", "--compare", "babelfish@5.5.0"], /--compare 'babelfish@5\.5\.0' is the assessed target/],
  ];
  for (const [args, fragment] of invalid) {
    it(`rejects ${args.join(" ")}`, async () => {
      const result = await parse(args);
      assert.match(String((result.error as Error | undefined)?.message), fragment);
    });
  }
});

describe("default --jobs", () => {
  it("leaves a core to the main thread when a store is written", () => {
    assert.equal(defaultJobs("embedded"), Math.max(1, availableParallelism() - 1));
    assert.equal(defaultJobs("postgres://h/db"), Math.max(1, availableParallelism() - 1));
    assert.equal(defaultJobs("none"), availableParallelism());
  });
});

describe("store commands: arguments to options", () => {
  const dataDir = join(HOME, ".infio");
  const cases: [args: string[], expected: object][] = [
    [["list"], { store: "embedded", dataDir, json: false }],
    [["list", "--json", "--data-dir", "d"], { store: "embedded", dataDir: resolve(CWD, "d"), json: true }],
    [["show", "abc"], { store: "embedded", dataDir, id: "abc", json: false }],
    [["show", "abc", "--json", "--store", "postgres://h/db"], { store: "postgres://h/db", dataDir, id: "abc", json: true }],
    [
      ["report", "abc"],
      { store: "embedded", dataDir, id: "abc", out: resolve(CWD, "infio-report"), formats: ["json", "html", "csv", "sarif"], quiet: false },
    ],
    [
      ["report", "abc", "-o", "x", "-f", "html", "-q"],
      { store: "embedded", dataDir, id: "abc", out: resolve(CWD, "x"), formats: ["html"], quiet: true },
    ],
    [
      ["report", "abc", "--compare", "postgresql@16"],
      {
        store: "embedded",
        dataDir,
        id: "abc",
        compare: target("postgresql@16"),
        out: resolve(CWD, "infio-report"),
        formats: ["json", "html", "csv", "sarif"],
        quiet: false,
      },
    ],
    [["diff", "a", "b"], { store: "embedded", dataDir, before: "a", after: "b", json: false }],
    [["diff", "a", "b", "--json"], { store: "embedded", dataDir, before: "a", after: "b", json: true }],
  ];
  for (const [args, expected] of cases) {
    it(args.join(" "), async () => {
      const result = await parse(args);
      assert.equal(result.error, undefined, String(result.error));
      assert.deepEqual(result.options, expected);
    });
  }

  it("refuses --store none for commands that read the store", async () => {
    for (const args of [["list", "--store", "none"], ["show", "x", "--store", "none"], ["diff", "a", "b", "--store", "none"]]) {
      const result = await parse(args);
      assert.match(String((result.error as Error).message), /keeps no assessments/);
    }
  });
});

describe("infio: exit codes of usage errors", () => {
  const cases: [args: string[], code: number, stream: "out" | "err", fragment: RegExp][] = [
    [[], 2, "err", /Usage: infio/],
    [["--version"], 0, "out", /^\d+\.\d+\.\d+/],
    [["--help"], 0, "out", /Examples:/],
    [["assess", "--help"], 0, "out", /Examples:\n {2}\$ infio assess/],
    [["report", "--help"], 0, "out", /Examples:/],
    [["list", "--help"], 0, "out", /Examples:/],
    [["show", "--help"], 0, "out", /Examples:/],
    [["diff", "--help"], 0, "out", /Examples:/],
    [["assess"], 2, "err", /nothing to assess: pass script paths, a server/],
    [["assess", "db", "--bogus"], 2, "err", /unknown option '--bogus'/],
    [["asess", "db"], 2, "err", /unknown command 'asess'.*\n?.*assess/],
    [["assess", "db", "--target", "oracle"], 2, "err", /invalid target 'oracle'/],
    [["show"], 2, "err", /missing required argument 'id'/],
  ];
  for (const [args, code, stream, fragment] of cases) {
    it(`infio ${args.join(" ")} exits with ${code}`, async () => {
      const ctx = captureContext({ cwd: CWD, homedir: HOME });
      assert.equal(await main(args, ctx), code);
      assert.match((stream === "out" ? ctx.out : ctx.err).join(""), fragment);
    });
  }
});
