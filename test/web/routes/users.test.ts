/**
 * The users pages: the authorization matrix, adding users with the CLI's
 * name and password rules, changes that end the user's sessions, the
 * last-admin rule, CSRF, and hostile names.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { USER_ROUTES } from "../../../src/web/routes/users.js";
import { startTestConsole, type ConsoleClient, type TestConsole } from "../../helpers/web-console.js";
import { matrixTests, type CaseBuilder, type RouteCase } from "./admin-matrix.js";

const PASSWORD = "correct horse battery";
const OTHER_PASSWORD = "another long passphrase";
const HOSTILE = "<img src=x onerror=alert(1)>";
const LIMITS = {
  perAddress: { max: 100_000, windowMs: 60_000 },
  perName: { max: 100_000, windowMs: 60_000 },
  maxTracked: 10_000,
};

/** Checks that a client's session no longer works: a page it may read sends it to sign in. */
async function assertSignedOut(client: ConsoleClient, label: string): Promise<void> {
  const response = await client.get("/users");
  assert.equal(response.statusCode, 303, label);
  assert.match(String(response.headers.location), /^\/sign-in/, label);
}

async function sessionCount(web: TestConsole, name: string): Promise<number> {
  const user = await web.services.accounts.users.find(name);
  assert.ok(user, `user ${name} exists`);
  return web.services.accounts.sessions.countFor(user.key);
}

describe("users pages", () => {
  let web: TestConsole;
  let counter = 0;

  before(async () => {
    web = await startTestConsole({ routes: [USER_ROUTES], signInLimits: LIMITS, lockout: { maxFailures: 2, lockMs: 60 * 60_000 } });
  });

  after(async () => {
    await web?.close();
  });

  const users = () => web.services.accounts.users;
  const fresh = async (role: "viewer" | "assessor" | "admin" = "viewer") => web.addUser(`person-${++counter}`, role);

  const build: CaseBuilder = async (route): Promise<RouteCase> => {
    const key = `${route.method} ${route.url}`;
    if (key === "GET /users" || key === "GET /users/new") {
      return { url: route.url, status: 200 };
    }
    if (key === "POST /users") {
      const name = `added-${++counter}`;
      return {
        url: "/users",
        form: { name, role: "viewer", password: PASSWORD, confirm: PASSWORD },
        status: 303,
        unchanged: async () => assert.equal(await users().find(name), undefined),
      };
    }

    const target = await fresh();
    const url = route.url.replace(":name", encodeURIComponent(target.name));
    const stored = (await users().find(target.name))!;
    switch (key) {
      case "GET /users/:name/edit":
        return { url, status: 200 };
      case "POST /users/:name/role":
        return {
          url,
          form: { role: "assessor" },
          status: 303,
          unchanged: async () => assert.equal((await users().find(target.name))!.role, "viewer"),
        };
      case "POST /users/:name/password":
        return {
          url,
          form: { password: OTHER_PASSWORD, confirm: OTHER_PASSWORD },
          status: 303,
          unchanged: async () => assert.equal((await users().find(target.name))!.passwordHash, stored.passwordHash),
        };
      case "POST /users/:name/unlock":
        await users().recordFailure(stored.key, web.services.now(), { maxFailures: 1, lockMs: 60_000 });
        return {
          url,
          status: 303,
          unchanged: async () => assert.equal((await users().find(target.name))!.failedSignIns, 1),
        };
      case "POST /users/:name/disable":
        return {
          url,
          status: 303,
          unchanged: async () => assert.equal((await users().find(target.name))!.disabled, false),
        };
      case "POST /users/:name/enable":
        await users().setDisabled(target.name, true);
        return {
          url,
          status: 303,
          unchanged: async () => assert.equal((await users().find(target.name))!.disabled, true),
        };
      case "POST /users/:name/delete":
        return {
          url,
          form: { confirmation: target.name },
          status: 303,
          unchanged: async () => assert.ok(await users().find(target.name)),
        };
      default:
        assert.fail(`no matrix case for ${key}; add one`);
    }
  };

  matrixTests("users", () => web, build);

  it("lists users with role, state and dates", async () => {
    const admin = await web.signInAs("admin");
    const listed = await fresh("assessor");
    await users().setDisabled(listed.name, true);

    const response = await admin.get("/users");

    assert.equal(response.statusCode, 200);
    assert.match(response.body, new RegExp(`<a href="/users/${listed.name}/edit">${listed.name}</a>`));
    assert.match(response.body, /<td>assessor<\/td>\s*<td>Disabled/);
    assert.match(response.body, /admin-user<\/a> <span class="muted">\(you\)<\/span>/);
    const entry = (await web.auditEntries()).at(-1)!;
    assert.equal(entry.action, "console-user.list");
    assert.equal(entry.outcome, "succeeded");
  });

  it("adds a user with an argon2id hash, audited", async () => {
    const admin = await web.signInAs("admin");

    const response = await admin.post("/users", { name: "grace", role: "assessor", password: PASSWORD, confirm: PASSWORD });

    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, "/users?done=added&user=grace");
    const stored = await users().find("grace");
    assert.ok(stored);
    assert.equal(stored.role, "assessor");
    assert.match(stored.passwordHash, /^\$argon2id\$/);
    assert.ok(await web.services.hasher.verify(stored.passwordHash, PASSWORD));
    const actions = (await web.auditEntries()).slice(-2).map((e) => `${e.action} ${e.outcome} ${e.objects.user}`);
    assert.deepEqual(actions, ["console-user.add started grace", "console-user.add succeeded grace"]);
    assert.ok(!JSON.stringify(await web.auditEntries()).includes(PASSWORD));
    const signedIn = await web.signIn({ name: "grace", password: PASSWORD });
    assert.equal(signedIn.user?.role, "assessor");
    const list = await admin.get(String(response.headers.location));
    assert.match(list.body, /Added user grace\./);
  });

  it("rejects names and passwords as the CLI does", async () => {
    const admin = await web.signInAs("admin");
    const cases: [Record<string, string>, RegExp][] = [
      [{ name: "-dash", role: "viewer", password: PASSWORD, confirm: PASSWORD }, /Invalid user name &#39;-dash&#39;/],
      [{ name: "has space", role: "viewer", password: PASSWORD, confirm: PASSWORD }, /Invalid user name/],
      [{ name: "shorty", role: "viewer", password: "short", confirm: "short" }, /The password has 5 characters; use at least 12\./],
      [{ name: "spaced", role: "viewer", password: ` ${PASSWORD}`, confirm: ` ${PASSWORD}` }, /white space/],
      [{ name: "differ", role: "viewer", password: PASSWORD, confirm: OTHER_PASSWORD }, /The two passwords differ/],
      [{ name: "rooted", role: "root", password: PASSWORD, confirm: PASSWORD }, /Invalid role &#39;root&#39;/],
    ];

    for (const [form, message] of cases) {
      const response = await admin.post("/users", form);

      assert.equal(response.statusCode, 422, form.name);
      assert.match(response.body, message, form.name);
      assert.equal(await users().find(form.name!), undefined, form.name);
      if (form.password!.length >= 12) {
        assert.ok(!response.body.includes(form.password!.trim()), `${form.name}: the page shows the password`);
      }
    }
  });

  it("rejects a name taken in another case", async () => {
    const admin = await web.signInAs("admin");
    await web.addUser("hopper", "viewer");

    const response = await admin.post("/users", { name: "HOPPER", role: "admin", password: PASSWORD, confirm: PASSWORD });

    assert.equal(response.statusCode, 409);
    assert.match(response.body, /A user named HOPPER already exists/);
    assert.equal((await users().find("hopper"))!.role, "viewer");
    const entry = (await web.auditEntries()).at(-1)!;
    assert.equal(entry.action, "console-user.add");
    assert.equal(entry.outcome, "failed");
  });

  it("ends the sessions of a user whose role changes", async () => {
    const admin = await web.signInAs("admin");
    const target = await fresh("viewer");
    const session = await web.signIn(target);
    const other = await web.signIn(target);
    assert.equal(await sessionCount(web, target.name), 2);

    const response = await admin.post(`/users/${target.name}/role`, { role: "assessor" });

    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `/users/${target.name}/edit?done=role`);
    assert.equal((await users().find(target.name))!.role, "assessor");
    assert.equal(await sessionCount(web, target.name), 0);
    await assertSignedOut(session, "first session");
    await assertSignedOut(other, "second session");
    const entry = (await web.auditEntries()).at(-1)!;
    assert.equal(entry.action, "console-user.set-role");
    assert.equal(entry.outcome, "succeeded");
    assert.equal(entry.details.role, "assessor");
    assert.equal(entry.details.previousRole, "viewer");
  });

  it("keeps sessions when the role is the same", async () => {
    const admin = await web.signInAs("admin");
    const target = await fresh("viewer");
    await web.signIn(target);

    const response = await admin.post(`/users/${target.name}/role`, { role: "viewer" });

    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `/users/${target.name}/edit?done=role-unchanged`);
    assert.equal(await sessionCount(web, target.name), 1);
  });

  it("resets a password and ends the sessions", async () => {
    const admin = await web.signInAs("admin");
    const target = await fresh("viewer");
    const session = await web.signIn(target);

    const response = await admin.post(`/users/${target.name}/password`, { password: OTHER_PASSWORD, confirm: OTHER_PASSWORD });

    assert.equal(response.statusCode, 303);
    await assertSignedOut(session, "old session");
    await assert.rejects(web.signIn(target), /sign-in as/);
    const again = await web.signIn({ name: target.name, password: OTHER_PASSWORD });
    assert.equal(again.user?.name, target.name);
    const entries = await web.auditEntries();
    assert.ok(entries.some((e) => e.action === "console-user.password-change" && e.outcome === "succeeded" && e.objects.user === target.name));
    assert.ok(!JSON.stringify(entries).includes(OTHER_PASSWORD));
  });

  it("rejects a reset whose passwords differ", async () => {
    const admin = await web.signInAs("admin");
    const target = await fresh("viewer");
    const before = (await users().find(target.name))!.passwordHash;

    const response = await admin.post(`/users/${target.name}/password`, { password: OTHER_PASSWORD, confirm: PASSWORD });

    assert.equal(response.statusCode, 422);
    assert.match(response.body, /The two passwords differ/);
    assert.equal((await users().find(target.name))!.passwordHash, before);
  });

  it("unlocks a user locked by wrong passwords", async () => {
    const admin = await web.signInAs("admin");
    const target = await fresh("viewer");
    for (let i = 0; i < 2; i++) {
      const visitor = web.visitor();
      await visitor.get("/sign-in");
      await visitor.post("/sign-in", { name: target.name, password: "wrong password here", next: "/" });
    }
    const locked = (await users().find(target.name))!;
    assert.ok(locked.lockedUntil !== undefined, "locked");
    assert.ok(locked.lockedUntil > web.services.now(), "locked until later");
    await assert.rejects(web.signIn(target), /sign-in as/);
    const page = await admin.get(`/users/${target.name}/edit`);
    assert.match(page.body, /Locked until/);

    const response = await admin.post(`/users/${target.name}/unlock`);

    assert.equal(response.statusCode, 303);
    const unlocked = (await users().find(target.name))!;
    assert.equal(unlocked.lockedUntil, undefined);
    assert.equal(unlocked.failedSignIns, 0);
    assert.equal((await web.signIn(target)).user?.name, target.name);
    const entries = await web.auditEntries();
    assert.ok(entries.some((e) => e.action === "console-user.unlock" && e.outcome === "succeeded" && e.objects.user === target.name));
  });

  it("disables a user, ending its sessions, and enables it again", async () => {
    const admin = await web.signInAs("admin");
    const target = await fresh("assessor");
    const session = await web.signIn(target);

    const disabled = await admin.post(`/users/${target.name}/disable`);

    assert.equal(disabled.statusCode, 303);
    assert.equal((await users().find(target.name))!.disabled, true);
    assert.equal(await sessionCount(web, target.name), 0);
    await assertSignedOut(session, "disabled user's session");
    await assert.rejects(web.signIn(target), /sign-in as/);

    const enabled = await admin.post(`/users/${target.name}/enable`);

    assert.equal(enabled.statusCode, 303);
    assert.equal((await users().find(target.name))!.disabled, false);
    assert.equal((await web.signIn(target)).user?.name, target.name);
    const actions = (await web.auditEntries()).map((e) => `${e.action} ${e.outcome}`);
    assert.ok(actions.includes("console-user.disable succeeded"));
    assert.ok(actions.includes("console-user.enable succeeded"));
  });

  it("deletes a user only with the typed confirmation", async () => {
    const admin = await web.signInAs("admin");
    const target = await fresh("viewer");
    const session = await web.signIn(target);

    const refused = await admin.post(`/users/${target.name}/delete`, { confirmation: "someone-else" });

    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /Type the user name .* in the confirmation field/);
    assert.ok(await users().find(target.name));

    const deleted = await admin.post(`/users/${target.name}/delete`, { confirmation: target.name.toUpperCase() });

    assert.equal(deleted.statusCode, 303);
    assert.equal(deleted.headers.location, `/users?done=deleted&user=${target.name}`);
    assert.equal(await users().find(target.name), undefined);
    await assertSignedOut(session, "deleted user's session");
    const entry = (await web.auditEntries()).at(-1)!;
    assert.equal(entry.action, "console-user.remove");
    assert.equal(entry.outcome, "succeeded");
  });

  it("answers 404 for an unknown user", async () => {
    const admin = await web.signInAs("admin");

    const page = await admin.get("/users/nobody-here/edit");
    const change = await admin.post("/users/nobody-here/disable");

    assert.equal(page.statusCode, 404);
    assert.equal(change.statusCode, 404);
  });

  it("rejects every POST without the CSRF token", async () => {
    const admin = await web.signInAs("admin");
    const target = await fresh("viewer");
    const posts = web.console.routes.filter((route) => route.module === "users" && route.method === "POST");
    assert.ok(posts.length >= 7);

    for (const route of posts) {
      const url = route.url.replace(":name", target.name);
      const form = { name: "csrf-less", role: "admin", password: PASSWORD, confirm: PASSWORD, confirmation: target.name };

      const response = await admin.post(url, form, { csrf: false });

      assert.equal(response.statusCode, 403, `${route.method} ${route.url}`);
    }
    const stored = (await users().find(target.name))!;
    assert.equal(stored.role, "viewer");
    assert.equal(stored.disabled, false);
    assert.equal(await users().find("csrf-less"), undefined);
  });

  it("shows hostile names as text", async () => {
    const admin = await web.signInAs("admin");
    await users().add({ name: HOSTILE, role: "viewer", passwordHash: "$argon2id$not-a-hash", now: web.services.now() });

    const list = await admin.get("/users");
    const page = await admin.get(`/users/${encodeURIComponent(HOSTILE)}/edit`);
    const added = await admin.post("/users", { name: HOSTILE, role: "viewer", password: PASSWORD, confirm: PASSWORD });

    for (const [label, response] of [["list", list], ["page", page], ["add form", added]] as const) {
      assert.ok(!response.body.includes("<img"), `${label} contains markup from the name`);
      assert.match(response.body, /&lt;img src=x onerror=alert\(1\)&gt;/, label);
    }
    assert.equal(page.statusCode, 200);
    assert.equal(added.statusCode, 422);
    assert.match(list.body, /href="\/users\/%3Cimg%20src%3Dx%20onerror%3Dalert\(1\)%3E\/edit"/);
  });
});

describe("users pages with one admin", () => {
  let web: TestConsole;

  before(async () => {
    web = await startTestConsole({ routes: [USER_ROUTES], signInLimits: LIMITS });
  });

  after(async () => {
    await web?.close();
  });

  it("keeps the last enabled admin", async () => {
    const admin = await web.signInAs("admin");
    const name = admin.user!.name;
    const attempts: [string, Record<string, string>][] = [
      [`/users/${name}/role`, { role: "viewer" }],
      [`/users/${name}/disable`, {}],
      [`/users/${name}/delete`, { confirmation: name }],
    ];

    for (const [url, form] of attempts) {
      const response = await admin.post(url, form);

      assert.equal(response.statusCode, 409, url);
      assert.match(response.body, /You are the only enabled admin, so .* would leave the console without an admin; nothing was changed\./, url);
      const entry = (await web.auditEntries()).at(-1)!;
      assert.equal(entry.outcome, "denied", url);
      assert.equal(entry.details.reason, "last enabled admin", url);
    }
    const stored = (await web.services.accounts.users.find(name))!;
    assert.equal(stored.role, "admin");
    assert.equal(stored.disabled, false);
    assert.equal((await admin.get("/users")).statusCode, 200, "the admin is still signed in");
  });

  it("counts a disabled admin as no admin", async () => {
    const admin = await web.signInAs("admin");
    await web.addUser("dormant-admin", "admin");
    await web.services.accounts.users.setDisabled("dormant-admin", true);

    const response = await admin.post(`/users/${admin.user!.name}/role`, { role: "assessor" });

    assert.equal(response.statusCode, 409);
  });

  it("lets an admin step down once another admin exists", async () => {
    const admin = await web.signInAs("admin");
    await web.addUser("second-admin", "admin");

    const response = await admin.post(`/users/${admin.user!.name}/role`, { role: "viewer" });

    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, "/sign-in");
    assert.equal((await web.services.accounts.users.find(admin.user!.name))!.role, "viewer");
    assert.equal(await sessionCount(web, admin.user!.name), 0);
    await assertSignedOut(admin, "demoted admin");

    const second = await web.signIn({ name: "second-admin", password: "second-admin-password-0123" });
    const refused = await second.post("/users/second-admin/delete", { confirmation: "second-admin" });
    assert.equal(refused.statusCode, 409, "the new last admin is kept");
  });
});
