/**
 * A web console for tests: a temporary data folder with an embedded store
 * (or a PostgreSQL URL), an audit log, users of each role, and clients
 * that are signed in. `startTestConsole` serves through Fastify's inject,
 * which needs no socket. `startTlsTestConsole` also listens over HTTPS on
 * 127.0.0.1 at a free port, with the self-signed certificate that
 * `infio serve` would create.
 *
 *   const web = await startTestConsole({ routes: [myModule] });
 *   const admin = await web.signInAs("admin");
 *   const page = await admin.get("/things");
 *   const done = await admin.post("/things", { name: "x" }); // adds _csrf
 *   await web.close();
 */

import { mkdtemp, rm } from "node:fs/promises";
import { request as httpsRequest } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TLSSocket } from "node:tls";

import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";

import { AuditTrail } from "../../src/cli/audit-trail.js";
import type { AuditEntry } from "../../src/security/audit/entry.js";
import { FileAuditLog } from "../../src/security/audit/file-log.js";
import type { ConsoleRole } from "../../src/store/console-users.js";
import { openStore } from "../../src/store/open-store.js";
import { SESSION_COOKIE, VISITOR_CSRF_COOKIE } from "../../src/web/auth/cookies.js";
import { CSRF_FIELD } from "../../src/web/auth/csrf.js";
import type { Argon2Cost } from "../../src/web/auth/passwords.js";
import type { SessionTimeouts } from "../../src/web/auth/sessions.js";
import type { SignInLimits } from "../../src/web/auth/sign-in-limiter.js";
import type { LockoutPolicy } from "../../src/store/console-users.js";
import type { RouteModule } from "../../src/web/routes/registry.js";
import { buildConsole, type ConsoleApp } from "../../src/web/server/app.js";
import { createConsoleServices } from "../../src/web/server/create-services.js";
import { startConsole, type RunningConsole } from "../../src/web/server/listen.js";
import type { ConsoleServices } from "../../src/web/server/services.js";
import { loadConsoleTls, type ConsoleTls } from "../../src/web/server/tls/console-certificate.js";
import { captureContext } from "../cli/capture.js";

/** A cheap argon2id cost, so that tests sign in fast; production uses the default. */
export const TEST_ARGON2_COST: Argon2Cost = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

/**
 * Sign-in limits high enough that tests signing in many times are not
 * rate-limited; tests of the limiter pass their own.
 */
export const TEST_SIGN_IN_LIMITS: SignInLimits = {
  perAddress: { max: 1_000_000, windowMs: 60_000 },
  perName: { max: 1_000_000, windowMs: 60_000 },
  maxTracked: 10_000,
};

export interface TestConsoleOptions {
  /** Page groups to serve besides sign-in and assets; none when not given. */
  readonly routes?: readonly RouteModule[];
  /** `embedded` (default) or a postgres:// URL of an empty database. */
  readonly store?: string;
  /**
   * An existing data folder to serve, such as one that `infio assess`
   * wrote. close() leaves it in place, so that another console can open it
   * as after a restart. A new temporary folder when not given.
   */
  readonly dataDir?: string;
  readonly sessionTimeouts?: SessionTimeouts;
  /** TEST_SIGN_IN_LIMITS when not given. */
  readonly signInLimits?: SignInLimits;
  readonly lockout?: LockoutPolicy;
}

export interface TestUser {
  readonly name: string;
  readonly role: ConsoleRole;
  readonly password: string;
}

/** A clock the test moves, to expire sessions and locks without waiting. */
export interface TestClock {
  now(): Date;
  advance(ms: number): void;
}

export interface TestConsole {
  readonly app: FastifyInstance;
  readonly console: ConsoleApp;
  readonly services: ConsoleServices;
  readonly dataDir: string;
  /** Every log line, as `level message`. */
  readonly logs: string[];
  readonly clock: TestClock;
  /** Adds a user with a password of its own; returns it with the password. */
  addUser(name: string, role: ConsoleRole, password?: string): Promise<TestUser>;
  /** Signs in through the sign-in form; throws when that fails. */
  signIn(user: Pick<TestUser, "name" | "password">): Promise<ConsoleClient>;
  /** Signs in as a user of `role`, named after it, created on first use. */
  signInAs(role: ConsoleRole): Promise<ConsoleClient>;
  /** A client without a session. */
  visitor(): ConsoleClient;
  /** Reads the audit log's entries. */
  auditEntries(): Promise<AuditEntry[]>;
  close(): Promise<void>;
}

export interface ClientRequest {
  readonly method: InjectOptions["method"];
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as application/x-www-form-urlencoded. */
  readonly form?: Readonly<Record<string, string>>;
  /** Sent as application/json. */
  readonly json?: unknown;
}

/** A browser stand-in: keeps cookies between requests, sends them with each. */
export interface ConsoleClient {
  readonly user: TestUser | undefined;
  /** The session's CSRF token, or the visitor cookie's once a page set it. */
  readonly csrfToken: string | undefined;
  readonly cookies: Map<string, string>;
  request(options: ClientRequest): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  /** POSTs a form; the CSRF field is added unless `csrf` is false. */
  post(url: string, form?: Readonly<Record<string, string>>, options?: { csrf?: boolean }): Promise<LightMyRequestResponse>;
}

export async function startTestConsole(options: TestConsoleOptions = {}): Promise<TestConsole> {
  const parts = await openParts(options);
  let built: ConsoleApp;
  try {
    built = await buildConsole({ services: parts.services, ...consoleOptions(options) });
    await built.app.ready();
  } catch (error) {
    await parts.close();
    throw error;
  }
  return assemble(parts, built, async () => {
    await built.app.close();
  });
}

export interface TlsTestConsole extends TestConsole {
  readonly running: RunningConsole;
  readonly tls: ConsoleTls;
  /** `https://127.0.0.1:PORT/` */
  readonly url: string;
  /** Sends a request over TLS, trusting only the console's certificate. */
  fetch(path: string, init?: TlsRequestInit): Promise<TlsResponse>;
}

export interface TlsRequestInit {
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface TlsResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
  /** The server certificate's SHA-256 fingerprint, as the client saw it. */
  readonly fingerprint: string;
}

/** Starts a console that listens over HTTPS on 127.0.0.1 at a free port. */
export async function startTlsTestConsole(options: TestConsoleOptions = {}): Promise<TlsTestConsole> {
  const parts = await openParts(options);
  let running: RunningConsole;
  let tls: ConsoleTls;
  try {
    tls = await loadConsoleTls({ dataDir: parts.dataDir, host: "127.0.0.1" });
    running = await startConsole({ services: parts.services, host: "127.0.0.1", port: 0, tls, ...consoleOptions(options) });
  } catch (error) {
    await parts.close();
    throw error;
  }

  const web = assemble(parts, running, () => running.close());
  return {
    ...web,
    running,
    tls,
    url: running.url,
    fetch: (path, init = {}) => tlsRequest(new URL(path, running.url), tls.certPem, init),
  };
}

/** Sends one HTTPS request that trusts only `ca`, and reads the whole reply. */
export function tlsRequest(url: URL, ca: string, init: TlsRequestInit = {}): Promise<TlsResponse> {
  return new Promise((resolve, reject) => {
    const request = httpsRequest(
      url,
      { method: init.method ?? "GET", headers: init.headers ?? {}, ca, servername: "localhost", agent: false },
      (response) => {
        // Read now: the socket is detached from the response once it ends.
        const socket = response.socket as TLSSocket;
        const fingerprint = socket.getPeerX509Certificate()?.fingerprint256 ?? "";
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () => {
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString("utf8"),
            fingerprint,
          });
        });
      },
    );
    request.on("error", reject);
    request.end(init.body);
  });
}

interface Parts {
  readonly dataDir: string;
  readonly services: ConsoleServices;
  readonly logs: string[];
  readonly clock: TestClock;
  close(): Promise<void>;
}

async function openParts(options: TestConsoleOptions): Promise<Parts> {
  const root = options.dataDir === undefined ? await mkdtemp(join(tmpdir(), "infio-web-")) : undefined;
  const dataDir = options.dataDir ?? join(root!, "data");
  const removeRoot = async (): Promise<void> => {
    if (root !== undefined) {
      await rm(root, { recursive: true, force: true });
    }
  };
  const opened = await openStore(options.store ?? "embedded", { dataDir });
  if (!opened.ok) {
    await removeRoot();
    throw opened.error;
  }

  const logs: string[] = [];
  let nowMs = Date.now();
  const clock: TestClock = { now: () => new Date(nowMs), advance: (ms) => (nowMs += ms) };
  const created = createConsoleServices({
    dataDir,
    store: opened.store,
    audit: new AuditTrail({ ctx: captureContext(), dataDir, create: true }),
    argon2Cost: TEST_ARGON2_COST,
    log: {
      info: (message) => logs.push(`info ${message}`),
      warn: (message) => logs.push(`warn ${message}`),
      error: (message) => logs.push(`error ${message}`),
    },
    now: clock.now,
  });
  return {
    dataDir,
    services: created.services,
    logs,
    clock,
    close: async () => {
      try {
        await created.close();
      } finally {
        await opened.store.close();
        await removeRoot();
      }
    },
  };
}

function consoleOptions(options: TestConsoleOptions) {
  return {
    routes: options.routes ?? [],
    logRequests: true,
    ...(options.sessionTimeouts === undefined ? {} : { sessionTimeouts: options.sessionTimeouts }),
    signInLimits: options.signInLimits ?? TEST_SIGN_IN_LIMITS,
    ...(options.lockout === undefined ? {} : { lockout: options.lockout }),
  };
}

function assemble(parts: Parts, built: ConsoleApp, closeApp: () => Promise<void>): TestConsole {
  const { services } = parts;
  const usersByRole = new Map<ConsoleRole, TestUser>();

  const addUser = async (name: string, role: ConsoleRole, password = `${name}-password-0123`): Promise<TestUser> => {
    await services.accounts.users.add({ name, role, passwordHash: await services.hasher.hash(password), now: services.now() });
    return { name, role, password };
  };

  const signIn = async (user: Pick<TestUser, "name" | "password">): Promise<ConsoleClient> => {
    const client = new InjectClient(built.app, undefined);
    await client.get("/sign-in");
    const response = await client.post("/sign-in", { name: user.name, password: user.password, next: "/" });
    const sessionId = client.cookies.get(SESSION_COOKIE);
    if (response.statusCode !== 303 || sessionId === undefined) {
      throw new Error(`sign-in as '${user.name}' failed with status ${response.statusCode}: ${response.body.slice(0, 500)}`);
    }

    const resolved = await built.sessions.resolve(sessionId);
    if (!resolved.ok) {
      throw new Error(`the session of '${user.name}' did not resolve: ${resolved.reason}`);
    }
    const found = await services.accounts.users.find(user.name);
    return client.signedIn({ name: user.name, role: found!.role, password: user.password }, resolved.session.csrfToken);
  };

  return {
    app: built.app,
    console: built,
    services,
    dataDir: parts.dataDir,
    logs: parts.logs,
    clock: parts.clock,
    addUser,
    signIn,
    signInAs: async (role) => {
      let user = usersByRole.get(role);
      if (user === undefined) {
        user = await addUser(`${role}-user`, role);
        usersByRole.set(role, user);
      }
      return signIn(user);
    },
    visitor: () => new InjectClient(built.app, undefined),
    auditEntries: async () => {
      const path = services.audit.path;
      const entries: AuditEntry[] = [];
      if (path === undefined) {
        return entries;
      }
      for await (const entry of new FileAuditLog(path).entries()) {
        entries.push(entry);
      }
      return entries;
    },
    close: async () => {
      try {
        await closeApp();
      } finally {
        await parts.close();
      }
    },
  };
}

class InjectClient implements ConsoleClient {
  readonly cookies = new Map<string, string>();
  readonly #app: FastifyInstance;
  #user: TestUser | undefined;
  #csrfToken: string | undefined;

  constructor(app: FastifyInstance, user: TestUser | undefined) {
    this.#app = app;
    this.#user = user;
  }

  get user(): TestUser | undefined {
    return this.#user;
  }

  get csrfToken(): string | undefined {
    return this.#csrfToken ?? this.cookies.get(VISITOR_CSRF_COOKIE);
  }

  signedIn(user: TestUser, csrfToken: string): this {
    this.#user = user;
    this.#csrfToken = csrfToken;
    return this;
  }

  async request(options: ClientRequest): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...options.headers };
    let payload: string | undefined;
    if (options.form !== undefined) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      payload = new URLSearchParams({ ...options.form }).toString();
    } else if (options.json !== undefined) {
      headers["content-type"] = "application/json";
      payload = JSON.stringify(options.json);
    }

    const response = await this.#app.inject({
      method: options.method,
      url: options.url,
      headers,
      cookies: Object.fromEntries(this.cookies),
      ...(payload === undefined ? {} : { payload }),
    });
    this.#keepCookies(response);
    return response;
  }

  get(url: string): Promise<LightMyRequestResponse> {
    return this.request({ method: "GET", url });
  }

  post(url: string, form: Readonly<Record<string, string>> = {}, options: { csrf?: boolean } = {}): Promise<LightMyRequestResponse> {
    const token = this.csrfToken;
    const withToken = options.csrf === false || token === undefined ? form : { ...form, [CSRF_FIELD]: token };
    return this.request({ method: "POST", url, form: withToken });
  }

  #keepCookies(response: LightMyRequestResponse): void {
    for (const cookie of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = cookie.maxAge === 0 || (cookie.expires !== undefined && cookie.expires.getTime() <= Date.now());
      if (expired || cookie.value === "") {
        this.cookies.delete(cookie.name);
        if (cookie.name === SESSION_COOKIE) {
          this.#csrfToken = undefined;
        }
      } else {
        this.cookies.set(cookie.name, cookie.value);
      }
    }
  }
}
