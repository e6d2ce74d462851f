/**
 * Serves the console over HTTPS, and only HTTPS: the server is Node's
 * https server with TLS 1.2 or newer, and there is no plain HTTP listener
 * to redirect from.
 */

import { createServer } from "node:https";
import { isIP } from "node:net";

import type { FastifyInstance } from "fastify";

import { buildConsole, type ConsoleApp, type ConsoleOptions } from "./app.js";
import type { ConsoleTls } from "./tls/console-certificate.js";

export interface StartConsoleOptions extends Omit<ConsoleOptions, "serverFactory"> {
  /** Address to listen on: 127.0.0.1 unless the user chose another. */
  readonly host: string;
  /** TCP port; 0 picks a free one, as tests do. */
  readonly port: number;
  readonly tls: ConsoleTls;
}

export interface RunningConsole extends ConsoleApp {
  /** The console's address, such as `https://127.0.0.1:8443/`. */
  readonly url: string;
  readonly port: number;
  /** Stops accepting connections, ends open ones and closes the app. */
  close(): Promise<void>;
}

/** Builds the console and listens on `host` and `port` over HTTPS. */
export async function startConsole(options: StartConsoleOptions): Promise<RunningConsole> {
  const { log } = options.services;
  if (!isLoopback(options.host)) {
    log.warn(
      `the console listens on ${options.host}, which other hosts can reach; make sure the ` +
        "network and every account are meant to reach it",
    );
  }

  const built = await buildConsole({
    ...options,
    serverFactory: (handler) =>
      createServer({ key: options.tls.keyPem, cert: options.tls.certPem, minVersion: "TLSv1.2" }, handler),
  });
  const app: FastifyInstance = built.app;
  try {
    await app.listen({ host: options.host, port: options.port });
  } catch (error) {
    await app.close();
    throw error;
  }

  const address = app.server.address();
  const port = typeof address === "object" && address !== null ? address.port : options.port;
  const url = `https://${isIP(options.host) === 6 ? `[${options.host}]` : options.host}:${port}/`;
  log.info(`console listening on ${url} (certificate SHA-256 fingerprint ${options.tls.fingerprint})`);

  let closing: Promise<void> | undefined;
  return {
    ...built,
    url,
    port,
    close: () => {
      closing ??= (async () => {
        await app.close();
        log.info(`console on ${url} stopped`);
      })();
      return closing;
    },
  };
}

/** Checks whether `host` is a loopback address or name, reachable only from this machine. */
export function isLoopback(host: string): boolean {
  if (host === "localhost" || host === "::1") {
    return true;
  }
  return isIP(host) === 4 && host.startsWith("127.");
}
