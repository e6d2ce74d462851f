import assert from "node:assert/strict";
import { request as httpRequest } from "node:http";
import { after, before, describe, it } from "node:test";

import { isLoopback } from "../../../src/web/server/listen.js";
import { startTlsTestConsole, type TlsTestConsole } from "../../helpers/web-console.js";

/** Returns the `name=value` parts of Set-Cookie headers, for a Cookie header. */
function cookieHeader(setCookie: string | string[] | undefined): string {
  if (setCookie === undefined) {
    return "";
  }
  const list = Array.isArray(setCookie) ? setCookie : [setCookie];
  return list.map((cookie) => cookie.split(";")[0]).join("; ");
}

describe("console over HTTPS", () => {
  let web: TlsTestConsole;

  before(async () => {
    web = await startTlsTestConsole();
  });

  after(async () => {
    await web?.close();
  });

  it("serves the self-signed certificate it created", async () => {
    const response = await web.fetch("/sign-in");

    assert.equal(response.status, 200);
    assert.equal(response.fingerprint, web.tls.fingerprint);
    assert.equal(web.tls.origin, "generated");
    assert.equal(response.headers["strict-transport-security"], "max-age=31536000");
    assert.match(web.url, /^https:\/\/127\.0\.0\.1:\d+\/$/);
    assert.ok(web.logs.includes(`info console listening on ${web.url} (certificate SHA-256 fingerprint ${web.tls.fingerprint})`));
  });

  it("signs in over TLS with secure cookies", async () => {
    const user = await web.addUser("tls-user", "viewer");
    const page = await web.fetch("/sign-in");
    const visitorCookie = cookieHeader(page.headers["set-cookie"]);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;

    const signedIn = await web.fetch("/sign-in", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: visitorCookie },
      body: new URLSearchParams({ name: user.name, password: user.password, _csrf: token, next: "/" }).toString(),
    });
    const sessionCookie = cookieHeader(signedIn.headers["set-cookie"]);
    const home = await web.fetch("/", { headers: { cookie: sessionCookie } });

    assert.equal(signedIn.status, 303);
    assert.match(String(signedIn.headers["set-cookie"]), /__Host-infio_session=[^;]+; Path=\/; HttpOnly; Secure; SameSite=Strict/);
    assert.equal(home.status, 303);
    assert.equal(home.headers.location, "/assessments");
  });

  it("accepts no plain HTTP", async () => {
    const port = new URL(web.url).port;

    const outcome = await new Promise<string>((resolve) => {
      const request = httpRequest({ host: "127.0.0.1", port, path: "/sign-in", agent: false }, (response) => {
        resolve(`status ${response.statusCode}`);
        response.resume();
      });
      request.on("error", (error) => resolve(`error ${(error as NodeJS.ErrnoException).code ?? error.message}`));
      request.end();
    });

    assert.match(outcome, /^error /);
  });

  it("stops on close", async () => {
    const other = await startTlsTestConsole();
    const url = other.url;

    await other.close();

    await assert.rejects(other.fetch("/sign-in"), /ECONNREFUSED/);
    assert.ok(other.logs.includes(`info console on ${url} stopped`));
  });
});

describe("loopback check", () => {
  const cases: [string, boolean][] = [
    ["127.0.0.1", true],
    ["127.10.0.1", true],
    ["::1", true],
    ["localhost", true],
    ["0.0.0.0", false],
    ["::", false],
    ["192.0.2.1", false],
    ["console.example", false],
  ];
  for (const [host, expected] of cases) {
    it(`treats ${host} as ${expected ? "loopback" : "reachable"}`, () => {
      assert.equal(isLoopback(host), expected);
    });
  }
});
