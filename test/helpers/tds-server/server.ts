/**
 * A TDS server for tests: it speaks enough of [MS-TDS] for the mssql and
 * tedious drivers to connect over TLS, log in and run queries that a handler
 * responds to, and it records every connection and query. It listens on
 * loopback only, at a port the system chooses.
 */
import { createServer, type Server, type Socket } from "node:net";
import { createSecureContext } from "node:tls";

import { TdsConnection, type ConnectionSettings } from "./connection.js";
import type {
  ConnectionRecord,
  QueryRecord,
  TdsTestServerOptions,
} from "./model.js";

export interface TdsTestServer {
  readonly host: string;
  readonly port: number;
  /** Every connection accepted, in order, including failed ones. */
  readonly connections: readonly ConnectionRecord[];
  /** Every batch and RPC received, in order. */
  readonly queries: readonly QueryRecord[];
  /** Queries sent by the application, without the driver's housekeeping. */
  applicationQueries(): QueryRecord[];
  /** Stops listening and closes every open connection. */
  close(): Promise<void>;
}

const SQL_SERVER_2022: readonly [number, number, number] = [16, 0, 1000];

export async function createTdsTestServer(
  options: TdsTestServerOptions = {},
): Promise<TdsTestServer> {
  const connections: ConnectionRecord[] = [];
  const queries: QueryRecord[] = [];
  const sockets = new Set<Socket>();
  const secureContext = options.tls
    ? createSecureContext({
        key: options.tls.key,
        cert: options.tls.cert,
        minVersion: "TLSv1.2",
      })
    : undefined;
  const encryption =
    options.encryption ?? (secureContext ? "off" : "not-supported");

  if (encryption !== "not-supported" && !secureContext) {
    throw new TypeError(
      `Encryption "${encryption}" needs a certificate: pass the tls option.`,
    );
  }

  const settings: ConnectionSettings = {
    options,
    secureContext,
    encryption,
    serverName: options.serverName ?? "infio-tds-test",
    version: options.version ?? SQL_SERVER_2022,
    queries,
  };

  const accept = (socket: Socket): void => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    const record: ConnectionRecord = {
      id: connections.length + 1,
      remoteAddress: socket.remoteAddress ?? "",
      encryption: "pending",
      loginEncrypted: false,
      loggedIn: false,
      attentions: 0,
      closed: false,
    };
    connections.push(record);
    void new TdsConnection(socket, record, settings).run();
  };

  const host = "127.0.0.1";
  const servers = [createServer(accept)];
  const port = await listen(servers[0]!, host, 0);

  if (options.listenIpv6) {
    const ipv6 = createServer(accept);

    try {
      await listen(ipv6, "::1", port);
      servers.push(ipv6);
    } catch {
      // NOTE: a machine without IPv6 loopback, or with the port taken on
      // ::1, gets an IPv4-only server; clients should use 127.0.0.1.
    }
  }

  return {
    host,
    port,
    connections,
    queries,
    applicationQueries: () => queries.filter((query) => !query.driverHousekeeping),
    close: async () => {
      for (const socket of sockets) {
        socket.destroy();
      }

      await Promise.all(servers.map((server) => closeServer(server)));
    },
  };
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
