import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";

const CHILD = fileURLToPath(new URL("./prompt-child.js", import.meta.url));
const CANARY = "Canary-Pa55w0rd!";

/** util-linux `script` gives the child a real pseudo-terminal. */
const hasScript =
  process.platform === "linux" && spawnSync("script", ["--version"], { stdio: "ignore" }).status === 0;

interface Session {
  readonly output: string;
  readonly code: number | null;
}

/** Runs the child in a pseudo-terminal and types `keys` after the prompt appears. */
function runInTerminal(keys: string): Promise<Session> {
  const command = `'${process.execPath}' '${CHILD}'`;
  const child = spawn("script", ["-q", "-e", "-c", command, "/dev/null"], { stdio: ["pipe", "pipe", "inherit"] });

  return new Promise((resolve, reject) => {
    let output = "";
    let typed = false;
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`no answer from the prompt child in 20 s; output: ${JSON.stringify(output)}`));
    }, 20_000);

    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (data: string) => {
      output += data;
      // Typing only after the prompt shows means raw mode is already on,
      // so any echo would come from the code under test.
      if (!typed && output.includes("Password: ")) {
        typed = true;
        child.stdin.write(keys);
      }
    });
    child.once("error", reject);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ output, code });
    });
  });
}

describe("promptSecret on a pseudo-terminal", { skip: hasScript ? false : "needs util-linux script on Linux" }, () => {
  it("reads the secret without echo", async () => {
    const session = await runInTerminal(`${CANARY}\r`);

    const digest = createHash("sha256").update(CANARY).digest("hex");
    assert.ok(session.output.includes(`sha256:${digest} length:${CANARY.length}`), session.output);
    assert.equal(session.output.includes(CANARY), false, session.output);
    assert.equal(session.output.includes("Canary"), false, session.output);
    assert.equal(session.code, 0);
  });

  it("cancels on Ctrl+C", async () => {
    const session = await runInTerminal("abc\u0003");
    assert.ok(session.output.includes("error:prompt-cancelled"), session.output);
    assert.equal(session.output.includes("abc"), false, session.output);
  });
});
