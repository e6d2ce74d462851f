/** `infio help [COMMAND]`: help for known commands, a usage error for others. */

import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { main } from "../../src/cli/main.js";
import { captureContext } from "./capture.js";

const COMMANDS = ["assess", "collect", "report", "list", "show", "diff", "purge", "keys", "audit"];

describe("infio help", () => {
  const known: [args: string[], fragment: RegExp][] = [
    [["help"], /Usage: infio/],
    [["help", "assess"], /Usage: infio assess/],
    [["help", "keys"], /Usage: infio keys/],
  ];
  for (const [args, fragment] of known) {
    it(`infio ${args.join(" ")} exits with 0`, async () => {
      const ctx = captureContext();
      assert.equal(await main(args, ctx), 0, ctx.err.join(""));
      assert.match(ctx.out.join(""), fragment);
    });
  }

  const unknown: [args: string[], name: string][] = [
    [["help", "nosuch"], "nosuch"],
    [["help", "asess"], "asess"],
    [["help", "ASSESS"], "ASSESS"],
  ];
  for (const [args, name] of unknown) {
    it(`infio ${args.join(" ")} exits with 2`, async () => {
      const ctx = captureContext();
      assert.equal(await main(args, ctx), 2);
      const err = ctx.err.join("");
      assert.ok(err.includes(`unknown command '${name}'`), err);
      for (const command of COMMANDS) {
        assert.match(err, new RegExp(`\\b${command}\\b`), `'${command}' not listed:\n${err}`);
      }
      assert.equal(ctx.out.join(""), "", "nothing goes to standard output");
    });
  }
});
