/**
 * Connection options checked when the arguments are parsed: a Database=
 * that conflicts with --database, and the connect timeout and retries.
 * Each case runs the command with a run function that only records what
 * it receives, so no test here connects anywhere.
 */

import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { assessCommand } from "../../src/cli/assess.js";
import { collectCommand } from "../../src/cli/collect.js";
import type { CommandHost } from "../../src/cli/command.js";
import type { LiveOptions } from "../../src/cli/live-options.js";
import { main } from "../../src/cli/main.js";
import { captureContext } from "./capture.js";

const SERVER = ["--server", "sql01", "--user", "reader", "--password-env", "SQLPASS"];

interface Parsed {
  readonly live?: LiveOptions;
  readonly error?: Error;
}

/** Parses `infio COMMAND ARGS` and returns the live options the run function got. */
async function parse(command: "assess" | "collect", args: string[]): Promise<Parsed> {
  const ctx = captureContext({ env: { SQLPASS: "x" } });
  let live: LiveOptions | undefined;
  const host: CommandHost = { ctx, exit: () => undefined };
  const built =
    command === "assess"
      ? assessCommand(host, async (options) => {
          live = options.collected?.kind === "live" ? options.collected.live : undefined;
          return 0;
        })
      : collectCommand(host, async (options) => {
          live = options.live;
          return 0;
        });
  built.exitOverride();
  const extra = command === "collect" ? ["--out", "x.infio"] : [];
  try {
    await built.parseAsync([...args, ...extra], { from: "user" });
  } catch (error) {
    return { error: error as Error };
  }
  return live === undefined ? {} : { live };
}

for (const command of ["assess", "collect"] as const) {
  describe(`infio ${command}: Database= against --database`, () => {
    const rejected: [name: string, args: string[]][] = [
      [
        "another database",
        ["--connection-string", "Server=sql01;Database=Sales;User ID=reader", "--password-env", "SQLPASS", "--database", "Billing"],
      ],
      [
        "a second database",
        [
          "--connection-string", "Server=sql01;Database=Sales;User ID=reader", "--password-env", "SQLPASS",
          "--database", "Sales", "--database", "Billing",
        ],
      ],
    ];
    for (const [name, args] of rejected) {
      it(`rejects ${name} before the run starts`, async () => {
        const result = await parse(command, args);
        assert.equal(result.live, undefined, "the run function must not be called");
        assert.equal(result.error?.name, "UsageError", String(result.error));
        assert.match(result.error!.message, /--database 'Billing' differs from Database=Sales/);
      });
    }

    it("accepts the same database in another case", async () => {
      const result = await parse(command, [
        "--connection-string", "Server=sql01;Database=Sales;User ID=reader", "--password-env", "SQLPASS",
        "--database", "SALES",
      ]);
      assert.equal(result.error, undefined, String(result.error));
      assert.deepEqual(result.live?.databases, ["SALES"]);
    });
  });

  describe(`infio ${command}: --connect-timeout and --retries`, () => {
    const accepted: [args: string[], connectMs: number, retries: number][] = [
      [[], 15_000, 3],
      [["--connect-timeout", "5"], 5_000, 3],
      [["--connect-timeout", "1500ms"], 1_500, 3],
      [["--connect-timeout", "2m"], 120_000, 3],
      [["--retries", "0"], 15_000, 0],
      [["--retries", "10", "--connect-timeout", "30s"], 30_000, 10],
    ];
    for (const [args, connectMs, retries] of accepted) {
      it(`reads ${args.join(" ") || "the defaults"}`, async () => {
        const result = await parse(command, [...SERVER, ...args]);
        assert.equal(result.error, undefined, String(result.error));
        assert.equal(result.live?.parsed.connectTimeoutMs, connectMs);
        assert.equal(result.live?.parsed.retry.count, retries);
      });
    }

    const rejected: [args: string[], fragment: RegExp][] = [
      [["--connect-timeout", "0"], /invalid --connect-timeout '0': pass a duration from 1s to 10m/],
      [["--connect-timeout", "soon"], /invalid --connect-timeout 'soon'/],
      [["--retries", "11"], /invalid --retries '11': pass a whole number from 0 to 10/],
      [["--retries", "-1"], /invalid --retries '-1'/],
      [["--retries", "1.5"], /invalid --retries '1\.5'/],
    ];
    for (const [args, fragment] of rejected) {
      it(`rejects ${args.join(" ")}`, async () => {
        const result = await parse(command, [...SERVER, ...args]);
        assert.equal(result.live, undefined);
        assert.match(String(result.error?.message), fragment);
      });
    }

    it("rejects a connect timeout that differs from Connect Timeout=", async () => {
      const result = await parse(command, [
        "--connection-string", "Server=sql01;User ID=reader;Connect Timeout=20", "--password-env", "SQLPASS",
        "--connect-timeout", "5",
      ]);
      assert.match(String(result.error?.message), /--connect-timeout/);
      assert.match(String(result.error?.message), /Connect Timeout/);
    });

    it("describes both options in the help", async () => {
      const ctx = captureContext();
      assert.equal(await main([command, "--help"], ctx), 0);
      const help = ctx.out.join("").replace(/\s+/g, " ");
      assert.match(help, /--connect-timeout <seconds> longest wait to connect/);
      assert.match(help, /--retries <n> [^-]*transient/);
    });
  });
}

describe("connect timeout and retries without a server", () => {
  const cases: [args: string[], fragment: RegExp][] = [
    [["assess", "./db", "--connect-timeout", "5"], /--connect-timeout applies to a live server only/],
    [["assess", "./db", "--retries", "1"], /--retries applies to a live server only/],
    [["assess", "--bundle", "b.infio", "--retries", "1"], /--retries applies to a live server only, not to a bundle/],
  ];
  for (const [args, fragment] of cases) {
    it(`infio ${args.join(" ")} exits with 2`, async () => {
      const ctx = captureContext();
      assert.equal(await main(args, ctx), 2);
      assert.match(ctx.err.join(""), fragment);
    });
  }
});
