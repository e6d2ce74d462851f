import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { SESSION_COOKIE, VISITOR_CSRF_COOKIE } from "../../../src/web/auth/cookies.js";
import { safeNext } from "../../../src/web/routes/sign-in.js";
import { startTestConsole, type ConsoleClient, type TestConsole } from "../../helpers/web-console.js";

const LOCKOUT = { maxFailures: 3, lockMs: 5 * 60_000 };
const LIMITS = {
  perAddress: { max: 1000, windowMs: 10 * 60_000 },
  perName: { max: 6, windowMs: 10 * 60_000 },
  maxTracked: 1000,
};

/** Every secret a test used, to check that no log line or audit entry contains one. */
const secrets: string[] = [];

async function attempt(web: TestConsole, name: string, password: string, next = "/"): Promise<{ client: ConsoleClient; status: number; body: string; headers: Record<string, unknown> }> {
  secrets.push(password);
  const client = web.visitor();
  await client.get("/sign-in");
  secrets.push(client.csrfToken!);
  const response = await client.post("/sign-in", { name, password, next });
  const session = client.cookies.get(SESSION_COOKIE);
  if (session !== undefined) {
    secrets.push(session);
  }
  return { client, status: response.statusCode, body: response.body, headers: response.headers };
}

describe("console sign-in", () => {
  let web: TestConsole;

  before(async () => {
    web = await startTestConsole({ lockout: LOCKOUT, signInLimits: LIMITS });
  });

  after(async () => {
    await web?.close();
  });

  it("signs in with the right password", async () => {
    const user = await web.addUser("ada", "assessor");

    const result = await attempt(web, "ADA", user.password, "/somewhere?x=1");

    assert.equal(result.status, 303);
    assert.equal(result.headers.location, "/somewhere?x=1");
    const entries = await web.auditEntries();
    const entry = entries.at(-1)!;
    assert.equal(entry.action, "console.sign-in");
    assert.equal(entry.outcome, "succeeded");
    assert.deepEqual(entry.actor, { kind: "console-user", name: "ADA" });
    assert.ok(web.logs.some((line) => line.includes("console user 'ada' (assessor) signed in from 127.0.0.1")));
  });

  it("rejects a wrong password with the generic message", async () => {
    await web.addUser("bea", "viewer");

    const result = await attempt(web, "bea", "not-the-password");

    assert.equal(result.status, 401);
    assert.match(result.body, /Sign-in failed: the user name or password is wrong/);
    assert.match(result.body, /value="bea"/, "the name should stay in the form");
    assert.equal(result.client.cookies.get(SESSION_COOKIE), undefined);
    const entry = (await web.auditEntries()).at(-1)!;
    assert.equal(entry.outcome, "failed");
    assert.equal(entry.details.reason, "wrong-password");
    assert.ok(web.logs.some((line) => line === "warn sign-in failed for 'bea' from 127.0.0.1: wrong-password"));
  });

  it("answers an unknown user as a wrong password, after hashing", async () => {
    let verified = 0;
    const hasher = web.services.hasher;
    const original = hasher.verify.bind(hasher);
    hasher.verify = (hash, password) => {
      verified++;
      return original(hash, password);
    };
    try {
      const result = await attempt(web, "nobody-here", "whatever-password");

      assert.equal(result.status, 401);
      assert.match(result.body, /Sign-in failed: the user name or password is wrong/);
      assert.equal(verified, 1, "an unknown user should cost one verification");
    } finally {
      hasher.verify = original;
    }
  });

  it("locks an account after repeated failures", async () => {
    const user = await web.addUser("cyd", "viewer");
    for (let i = 0; i < LOCKOUT.maxFailures; i++) {
      assert.equal((await attempt(web, "cyd", `wrong-${i}-password`)).status, 401);
    }

    const whileLocked = await attempt(web, "cyd", user.password);
    web.clock.advance(LOCKOUT.lockMs + 1);
    const afterLock = await attempt(web, "cyd", user.password);

    assert.equal(whileLocked.status, 401);
    assert.match(whileLocked.body, /locked after repeated failures/);
    assert.equal(afterLock.status, 303);
    assert.ok(web.logs.includes("warn console user 'cyd' is locked after repeated wrong passwords"));
    assert.ok(web.logs.includes("warn sign-in failed for 'cyd' from 127.0.0.1: locked"));
  });

  it("limits sign-in attempts per user name", async () => {
    for (let i = 0; i < LIMITS.perName.max; i++) {
      assert.equal((await attempt(web, "dot", `guess-${i}-password`)).status, 401);
    }

    const entriesBefore = (await web.auditEntries()).length;
    const limited = await attempt(web, "dot", "one-more-guess");
    const entriesAfter = (await web.auditEntries()).length;
    web.clock.advance(LIMITS.perName.windowMs);
    const later = await attempt(web, "dot", "after-the-window");

    assert.equal(limited.status, 429);
    assert.equal(limited.headers["retry-after"], "600");
    assert.match(limited.body, /Too many sign-in attempts. Try again in 10 minutes/);
    assert.equal(entriesAfter, entriesBefore, "a rejected attempt was audited");
    assert.ok(web.logs.includes("warn sign-in failed for 'dot' from 127.0.0.1: too many attempts"));
    assert.equal(later.status, 401);
  });

  it("repeats no invalid user name", async () => {
    const result = await attempt(web, "my secret password!", "whatever-password");

    assert.equal(result.status, 401);
    assert.ok(web.logs.includes("warn sign-in failed for '(invalid name)' from 127.0.0.1: unknown-user"));
    assert.equal((await web.auditEntries()).at(-1)?.actor.name, "(invalid name)");
    secrets.push("my secret password!");
  });

  it("rejects an empty form", async () => {
    const result = await attempt(web, "", "");

    assert.equal(result.status, 400);
    assert.match(result.body, /Enter your user name and password/);
  });

  it("sends a signed-in user on from the sign-in page", async () => {
    const client = await web.signInAs("viewer");

    const response = await client.get("/sign-in?next=%2Fassessments%2F42");

    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, "/assessments/42");
  });

  it("keeps the next page on this console", async () => {
    const page = await web.visitor().get("/sign-in?next=https%3A%2F%2Fevil.example%2F");

    assert.match(page.body, /name="next" value="\/assessments"/);
    assert.equal(safeNext("//evil.example/x"), "/assessments");
    assert.equal(safeNext("/\\evil.example"), "/assessments");
    assert.equal(safeNext("https://evil.example"), "/assessments");
    assert.equal(safeNext("/ok\r\nSet-Cookie: x"), "/assessments");
    assert.equal(safeNext("/assessments/1?tab=findings"), "/assessments/1?tab=findings");
  });

  it("sets a visitor CSRF cookie on the sign-in page", async () => {
    const visitor = web.visitor();

    const page = await visitor.get("/sign-in");

    const token = visitor.cookies.get(VISITOR_CSRF_COOKIE);
    assert.ok(token);
    assert.ok(page.body.includes(`name="_csrf" value="${token}"`));
  });

  it("logs and audits no password, session id or CSRF token", async () => {
    const logged = web.logs.join("\n");
    const audited = JSON.stringify(await web.auditEntries());

    assert.ok(secrets.length > 10);
    for (const secret of secrets.filter((s) => s.length >= 8)) {
      assert.ok(!logged.includes(secret), `a log line contains '${secret}'`);
      assert.ok(!audited.includes(secret), `an audit entry contains '${secret}'`);
    }
  });
});
