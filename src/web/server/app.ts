/**
 * The console's Fastify app, without a listener: plugins, security
 * headers, the route guard, error pages, request logs and every route.
 * startConsole (listen.ts) serves it over HTTPS; tests call inject().
 */

import { randomBytes } from "node:crypto";
import type { Server } from "node:http";

import fastifyCookie from "@fastify/cookie";
import fastifyFormbody from "@fastify/formbody";
import fastifyMultipart from "@fastify/multipart";
import Fastify, { type FastifyInstance, type FastifyServerFactory } from "fastify";

import type { LockoutPolicy } from "../../store/console-users.js";
import { installGuard } from "../auth/guard.js";
import { DEFAULT_LOCKOUT } from "../auth/sign-in.js";
import { DEFAULT_SIGN_IN_LIMITS, SignInLimiter, type SignInLimits } from "../auth/sign-in-limiter.js";
import { DEFAULT_SESSION_TIMEOUTS, SessionManager, type SessionTimeouts } from "../auth/sessions.js";
import type { NavigationLink } from "../pages/layout.js";
import { assetRoutes } from "../routes/assets.js";
import { PAGE_MODULES } from "../routes/index.js";
import { registerRouteModules, rejectUndeclaredRoutes, type RegisteredRoute, type RouteModule } from "../routes/registry.js";
import { contextBuilder, navigationLinks } from "../routes/route-context.js";
import { signInRoutes } from "../routes/sign-in.js";
import { CONSOLE_ASSETS, type Asset } from "./assets.js";
import { frameworkErrorHandler, installErrorHandling } from "./error-handling.js";
import { installRequestLog } from "./request-log.js";
import { setSecurityHeaders } from "./security-headers.js";
import type { ConsoleServices } from "./services.js";

/** Largest request body of a route that declares none: forms and JSON are small. */
export const DEFAULT_BODY_LIMIT = 64 * 1024;

/** How often expired and idle sessions are deleted from the store. */
const SESSION_SWEEP_MS = 15 * 60_000;

export interface ConsoleOptions {
  readonly services: ConsoleServices;
  /** Page groups to serve; PAGE_MODULES when not given. Sign-in and assets are always served. */
  readonly routes?: readonly RouteModule[];
  /** Static assets; CONSOLE_ASSETS when not given. */
  readonly assets?: readonly Asset[];
  readonly sessionTimeouts?: SessionTimeouts;
  readonly signInLimits?: SignInLimits;
  readonly lockout?: LockoutPolicy;
  /** Logs one line per response; on unless false. */
  readonly logRequests?: boolean;
  /** Creates the HTTP server, such as an HTTPS one; Fastify's plain HTTP server when not given. */
  readonly serverFactory?: FastifyServerFactory;
}

/** The built console: the Fastify instance and the parts that tests and listings read. */
export interface ConsoleApp {
  readonly app: FastifyInstance;
  /** Every route, as declared, in registration order. */
  readonly routes: readonly RegisteredRoute[];
  readonly sessions: SessionManager;
  readonly limiter: SignInLimiter;
}

/** Builds the console app with every route registered; it does not listen. */
export async function buildConsole(options: ConsoleOptions): Promise<ConsoleApp> {
  const { services } = options;
  const app = Fastify({
    logger: false,
    bodyLimit: DEFAULT_BODY_LIMIT,
    genReqId: () => randomBytes(6).toString("hex"),
    // Stopping the console ends open connections, such as progress streams,
    // instead of waiting for them.
    forceCloseConnections: true,
    frameworkErrors: frameworkErrorHandler,
    ...(options.serverFactory === undefined ? {} : { serverFactory: options.serverFactory }),
  }) as unknown as FastifyInstance<Server>;

  rejectUndeclaredRoutes(app);
  app.addHook("onRequest", async (_request, reply) => setSecurityHeaders(reply));
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody, { bodyLimit: DEFAULT_BODY_LIMIT });
  // NOTE: these limits guard routes that read multipart bodies without
  // their own; an upload route passes its limits to request.file().
  await app.register(fastifyMultipart, {
    limits: { fieldNameSize: 100, fieldSize: 64 * 1024, fields: 20, files: 1, fileSize: 1024 * 1024, parts: 25 },
  });

  const sessions = new SessionManager(
    services.accounts.sessions,
    options.sessionTimeouts ?? DEFAULT_SESSION_TIMEOUTS,
    services.now,
  );
  const limiter = new SignInLimiter(services.accounts.signInAttempts, options.signInLimits ?? DEFAULT_SIGN_IN_LIMITS);
  installGuard(app, { sessions, services });

  let navigation: readonly NavigationLink[] = [];
  installErrorHandling(app, { log: services.log, navigation: () => navigation });
  if (options.logRequests !== false) {
    installRequestLog(app, services.log);
  }

  const modules: RouteModule[] = [
    signInRoutes({ sessions, signIn: { limiter, lockout: options.lockout ?? DEFAULT_LOCKOUT } }),
    assetRoutes(options.assets ?? CONSOLE_ASSETS),
    ...(options.routes ?? PAGE_MODULES),
  ];
  const routes = registerRouteModules(app, modules, contextBuilder(services, () => navigation));
  navigation = navigationLinks(routes);

  sweepSessions(app, sessions, services);
  return { app, routes, sessions, limiter };
}

/** Deletes expired sessions now and then while the app runs. */
function sweepSessions(app: FastifyInstance, sessions: SessionManager, services: ConsoleServices): void {
  let timer: NodeJS.Timeout | undefined;
  const sweep = async (): Promise<void> => {
    try {
      const deleted = await sessions.deleteExpired();
      if (deleted > 0) {
        services.log.info(`deleted ${deleted} expired console session(s)`);
      }
    } catch (error) {
      services.log.warn(`deleting expired console sessions failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  app.addHook("onReady", async () => {
    await sweep();
    timer = setInterval(() => void sweep(), SESSION_SWEEP_MS);
    timer.unref();
  });
  app.addHook("onClose", async () => clearInterval(timer));
}
