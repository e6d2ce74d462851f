/**
 * Run inside a pseudo-terminal by prompt-pty.test.ts: prompts on the real
 * terminal and prints the SHA-256 of what was typed, never the value.
 */

import { createHash } from "node:crypto";

import { promptSecret } from "../../../src/security/secrets/prompt.js";

const result = await promptSecret({ input: process.stdin, output: process.stdout, message: "Password: " });
if (result.ok) {
  const digest = createHash("sha256").update(result.value.reveal()).digest("hex");
  process.stdout.write(`sha256:${digest} length:${result.value.length}\n`);
} else {
  process.stdout.write(`error:${result.error.code}\n`);
}
