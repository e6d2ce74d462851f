import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { main } from "../../src/cli/main.js";
import { FileAuditLog } from "../../src/security/audit/file-log.js";
import type { AuditEntry } from "../../src/security/audit/entry.js";
import type { TerminalInput } from "../../src/security/secrets/prompt.js";
import { consoleAccounts } from "../../src/store/console-accounts.js";
import { openStore } from "../../src/store/open-store.js";
import { PasswordHasher } from "../../src/web/auth/passwords.js";
import { tempDir } from "../security/temp-dir.js";
import { captureContext } from "./capture.js";

interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
  readonly prompts: string;
}

/** Returns a terminal that answers each prompt with the next of `answers`. */
function fakeTerminal(answers: string[]): { input: TerminalInput; output: { write(text: string): void }; written: string[] } {
  const listeners = new Set<(data: string) => void>();
  const written: string[] = [];
  return {
    written,
    output: { write: (text) => written.push(text) },
    input: {
      isTTY: true,
      setRawMode: () => undefined,
      setEncoding: () => undefined,
      on: (_event, listener) => listeners.add(listener),
      off: (_event, listener) => listeners.delete(listener),
      pause: () => undefined,
      resume: () => {
        const answer = answers.shift();
        if (answer !== undefined) {
          setImmediate(() => listeners.forEach((listener) => listener(`${answer}\r`)));
        }
      },
    },
  };
}

describe("infio users", () => {
  let dir: string;
  let dataDir: string;

  async function run(args: string[], options: { env?: Record<string, string>; answers?: string[] } = {}): Promise<Run> {
    const terminal = options.answers === undefined ? undefined : fakeTerminal(options.answers);
    const ctx = captureContext({
      cwd: dir,
      homedir: dir,
      env: options.env ?? {},
      ...(terminal === undefined ? {} : { terminal: { input: terminal.input, output: terminal.output } }),
    });
    const code = await main([...args, "--data-dir", dataDir], ctx);
    return { code, out: ctx.out.join(""), err: ctx.err.join(""), prompts: terminal?.written.join("") ?? "" };
  }

  async function auditEntries(): Promise<AuditEntry[]> {
    const entries: AuditEntry[] = [];
    for await (const entry of new FileAuditLog(join(dataDir, "audit.jsonl")).entries()) {
      entries.push(entry);
    }
    return entries;
  }

  async function withAccounts<T>(work: (accounts: ReturnType<typeof consoleAccounts>) => Promise<T>): Promise<T> {
    const opened = await openStore("embedded", { dataDir });
    assert.ok(opened.ok);
    try {
      return await work(consoleAccounts(opened.store));
    } finally {
      await opened.store.close();
    }
  }

  before(async () => {
    dir = await tempDir("infio-users-");
    dataDir = join(dir, "data");
  });

  it("adds a user with a password from the environment", async () => {
    const result = await run(["users", "add", "alice", "--role", "admin", "--password-env", "PW"], {
      env: { PW: "alice-secret-password" },
    });

    assert.equal(result.code, 0, result.err);
    assert.match(result.err, /added console user 'alice' with role admin/);
    assert.ok(!result.err.includes("alice-secret-password"));
    const user = await withAccounts((accounts) => accounts.users.find("alice"));
    assert.equal(user?.role, "admin");
    assert.match(user!.passwordHash, /^\$argon2id\$v=19\$m=65536,t=3,p=4\$/);
    assert.equal(await new PasswordHasher().verify(user!.passwordHash, "alice-secret-password"), true);
  });

  it("records each change in the audit log", async () => {
    const entries = (await auditEntries()).filter((entry) => entry.action === "console-user.add");

    assert.deepEqual(
      entries.map((entry) => entry.outcome),
      ["started", "succeeded"],
    );
    assert.equal(entries[1]!.actor.kind, "os-user");
    assert.deepEqual(entries[1]!.objects, { user: "alice" });
    assert.deepEqual(entries[1]!.details, { role: "admin" });
  });

  it("adds a user with a password from an owner-only file", async () => {
    const file = join(dir, "bob.pw");
    await writeFile(file, "bob-password-from-file\n", { mode: 0o600 });

    const result = await run(["users", "add", "bob", "--role", "viewer", "--password-file", file]);

    assert.equal(result.code, 0, result.err);
    const user = await withAccounts((accounts) => accounts.users.find("bob"));
    assert.equal(await new PasswordHasher().verify(user!.passwordHash, "bob-password-from-file"), true);
  });

  it("rejects a password file that others can read", { skip: process.platform === "win32" }, async () => {
    const file = join(dir, "open.pw");
    await writeFile(file, "open-password-file\n", { mode: 0o644 });

    const result = await run(["users", "add", "open", "--role", "viewer", "--password-file", file]);

    assert.equal(result.code, 2);
    assert.match(result.err, /chmod 600/);
  });

  it("prompts twice for the password", async () => {
    const result = await run(["users", "add", "carol", "--role", "assessor"], {
      answers: ["carol-typed-password", "carol-typed-password"],
    });

    assert.equal(result.code, 0, result.err);
    assert.equal(result.prompts, "New password for carol: \nRepeat the password: \n");
    assert.ok(!result.prompts.includes("carol-typed-password"), "the password was echoed");
  });

  it("rejects two different typed passwords", async () => {
    const result = await run(["users", "add", "dan", "--role", "viewer"], {
      answers: ["dan-first-password", "dan-other-password"],
    });

    assert.equal(result.code, 2);
    assert.match(result.err, /the two passwords differ; nothing was changed/);
  });

  it("needs a terminal or a password option", async () => {
    const result = await run(["users", "add", "dan", "--role", "viewer"]);

    assert.equal(result.code, 2);
    assert.match(result.err, /pass --password-env VAR or --password-file FILE/);
  });

  it("rejects a short password", async () => {
    const result = await run(["users", "add", "eve", "--role", "viewer", "--password-env", "PW"], { env: { PW: "short" } });

    assert.equal(result.code, 2);
    assert.match(result.err, /has 5 characters; use at least 12/);
    assert.equal(await withAccounts((accounts) => accounts.users.find("eve")), undefined);
  });

  it("rejects an invalid name and role", async () => {
    const name = await run(["users", "add", "bad name", "--role", "viewer", "--password-env", "PW"], { env: { PW: "long-enough-password" } });
    const role = await run(["users", "add", "fay", "--role", "root", "--password-env", "PW"], { env: { PW: "long-enough-password" } });
    const noRole = await run(["users", "add", "fay", "--password-env", "PW"], { env: { PW: "long-enough-password" } });

    assert.equal(name.code, 2);
    assert.match(name.err, /invalid user name 'bad name'/);
    assert.equal(role.code, 2);
    assert.match(role.err, /Allowed choices are viewer, assessor, admin/);
    assert.equal(noRole.code, 2);
    assert.match(noRole.err, /required option '--role <role>' not specified/);
  });

  it("rejects a name taken in another case", async () => {
    const result = await run(["users", "add", "ALICE", "--role", "viewer", "--password-env", "PW"], { env: { PW: "long-enough-password" } });

    assert.equal(result.code, 1);
    assert.match(result.err, /console user 'ALICE' already exists/);
    const last = (await auditEntries()).at(-1)!;
    assert.equal(last.action, "console-user.add");
    assert.equal(last.outcome, "failed");
  });

  it("lists users as a table and as JSON", async () => {
    const table = await run(["users", "list"]);
    const json = await run(["users", "list", "--json"]);

    assert.equal(table.code, 0, table.err);
    assert.match(table.out, /^NAME +ROLE +STATUS +CREATED \(UTC\) +LAST SIGN-IN \(UTC\)\nalice +admin +active /);
    const users = JSON.parse(json.out) as { name: string; role: string; lockedUntil: unknown }[];
    assert.deepEqual(users.map((user) => [user.name, user.role]), [["alice", "admin"], ["bob", "viewer"], ["carol", "assessor"]]);
    assert.equal(users[0]!.lockedUntil, null);
    assert.ok(!json.out.includes("argon2"), "the list shows password hashes");
  });

  it("changes a role", async () => {
    const result = await run(["users", "set-role", "bob", "--role", "assessor"]);

    assert.equal(result.code, 0, result.err);
    assert.equal((await withAccounts((accounts) => accounts.users.find("bob")))?.role, "assessor");
    assert.equal((await auditEntries()).at(-1)?.action, "console-user.set-role");
  });

  it("ends the sessions on a role change", async () => {
    const bobKey = await withAccounts(async (accounts) => {
      const bob = (await accounts.users.find("bob"))!;
      await accounts.sessions.create({
        idHash: Buffer.alloc(32, 3),
        userKey: bob.key,
        csrfToken: "t",
        now: new Date(),
        expiresAt: new Date(Date.now() + 60_000),
      });
      return bob.key;
    });

    const result = await run(["users", "set-role", "bob", "--role", "viewer"]);

    assert.equal(result.code, 0, result.err);
    assert.match(result.err, /console user 'bob' now has role viewer; its sessions were ended/);
    assert.equal(await withAccounts((accounts) => accounts.sessions.countFor(bobKey)), 0);
  });

  it("keeps the last enabled admin", async () => {
    const demote = await run(["users", "set-role", "ALICE", "--role", "assessor"]);
    const remove = await run(["users", "remove", "alice"]);

    assert.equal(demote.code, 1);
    assert.match(demote.err, /cannot make it assessor: console user 'ALICE' is the last enabled admin; add or enable another admin first/);
    assert.equal(remove.code, 1);
    assert.match(remove.err, /cannot remove it: console user 'alice' is the last enabled admin/);
    assert.equal((await withAccounts((accounts) => accounts.users.find("alice")))?.role, "admin");
    const last = (await auditEntries()).at(-1)!;
    assert.equal(last.action, "console-user.remove");
    assert.equal(last.outcome, "denied");
  });

  it("demotes an admin once another exists", async () => {
    const promote = await run(["users", "set-role", "carol", "--role", "admin"]);
    const demote = await run(["users", "set-role", "carol", "--role", "assessor"]);

    assert.equal(promote.code, 0, promote.err);
    assert.equal(demote.code, 0, demote.err);
    assert.equal((await withAccounts((accounts) => accounts.users.find("carol")))?.role, "assessor");
  });

  it("sets a new password, unlocks and signs out", async () => {
    await withAccounts(async (accounts) => {
      const bob = (await accounts.users.find("bob"))!;
      await accounts.users.recordFailure(bob.key, new Date(), { maxFailures: 1, lockMs: 60_000 });
      await accounts.sessions.create({
        idHash: Buffer.alloc(32, 7),
        userKey: bob.key,
        csrfToken: "t",
        now: new Date(),
        expiresAt: new Date(Date.now() + 60_000),
      });
    });

    const result = await run(["users", "passwd", "bob", "--password-env", "PW"], { env: { PW: "bob-new-password-2" } });

    assert.equal(result.code, 0, result.err);
    await withAccounts(async (accounts) => {
      const bob = (await accounts.users.find("bob"))!;
      assert.equal(bob.lockedUntil, undefined);
      assert.equal(await accounts.sessions.countFor(bob.key), 0);
      assert.equal(await new PasswordHasher().verify(bob.passwordHash, "bob-new-password-2"), true);
    });
  });

  it("removes a user", async () => {
    const carolKey = await withAccounts(async (accounts) => {
      const carol = (await accounts.users.find("carol"))!;
      await accounts.sessions.create({
        idHash: Buffer.alloc(32, 9),
        userKey: carol.key,
        csrfToken: "t",
        now: new Date(),
        expiresAt: new Date(Date.now() + 60_000),
      });
      return carol.key;
    });

    const auditBefore = (await auditEntries()).length;
    const removed = await run(["users", "remove", "carol"]);
    const again = await run(["users", "remove", "carol"]);

    assert.equal(removed.code, 0, removed.err);
    assert.equal(await withAccounts((accounts) => accounts.sessions.countFor(carolKey)), 0);
    assert.equal(again.code, 1);
    assert.match(again.err, /console user 'carol' not found; run 'infio users list'/);
    const added = (await auditEntries()).slice(auditBefore);
    const outcomes = added.filter((e) => e.action === "console-user.remove").map((e) => e.outcome);
    assert.deepEqual(outcomes, ["started", "succeeded", "started", "failed"]);
  });

  it("rejects --store none", async () => {
    const result = await run(["users", "list", "--store", "none"]);

    assert.equal(result.code, 2);
    assert.match(result.err, /--store none keeps no console users/);
  });

  describe("while another process has the store", () => {
    let release: (() => Promise<void>) | undefined;

    before(async () => {
      const opened = await openStore("embedded", { dataDir });
      assert.ok(opened.ok);
      release = () => opened.store.close();
    });

    after(async () => {
      await release?.();
    });

    it("says that serve must stop first", async () => {
      const result = await run(["users", "add", "gus", "--role", "viewer", "--password-env", "PW"], { env: { PW: "long-enough-password" } });

      assert.equal(result.code, 1);
      assert.match(result.err, /another infio process, such as a running 'infio serve', has the embedded store/);
      assert.match(result.err, /Stop 'infio serve' and run this command again/);
    });
  });
});
