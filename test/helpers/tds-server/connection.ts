/**
 * One client connection, from the first byte to the close: encryption
 * negotiation, login, then requests until the client leaves ([MS-TDS]
 * Message Processing Events and Sequencing Rules, server side).
 */
import type { Socket } from "node:net";
import type { SecureContext } from "node:tls";

import { TdsProtocolError } from "./byte-reader.js";
import { housekeepingResponse } from "./housekeeping.js";
import { parseLogin7 } from "./login7.js";
import {
  encodeLoginFailure,
  encodeLoginSuccess,
} from "./login-response.js";
import type {
  ConnectionRecord,
  QueryRecord,
  QueryResponse,
  SessionInfo,
  TdsTestServerOptions,
} from "./model.js";
import {
  MAX_PACKET_SIZE,
  MIN_PACKET_SIZE,
  PacketStatus,
  PacketType,
  type TdsMessage,
} from "./packets.js";
import {
  buildServerPrelogin,
  Encrypt,
  negotiateEncryption,
  parseClientPrelogin,
  type ServerEncryption,
} from "./prelogin.js";
import { parseRpc, parseSqlBatch, type SqlRequest } from "./requests.js";
import {
  encodeAttentionAck,
  encodeCancelledEnd,
  encodeResponse,
  type EncodedResponse,
} from "./responses.js";
import { checkLogin } from "./login-check.js";
import { handlerFailure, noHandlerError } from "./handler-errors.js";
import type { ServerMessage } from "./tokens.js";
import { TdsTransport, type TlsDetails } from "./transport.js";

export interface ConnectionSettings {
  readonly options: TdsTestServerOptions;
  readonly secureContext: SecureContext | undefined;
  readonly encryption: ServerEncryption;
  readonly serverName: string;
  readonly version: readonly [number, number, number];
  readonly queries: QueryRecord[];
}

export class TdsConnection {
  private readonly transport: TdsTransport;
  private readonly inbox: TdsMessage[] = [];
  private waiter: ((message: TdsMessage | Error) => void) | undefined;
  private failure: Error | undefined;
  private running: { controller: AbortController; record: QueryRecord } | undefined;
  private session: SessionInfo | undefined;

  constructor(
    private readonly socket: Socket,
    private readonly record: ConnectionRecord,
    private readonly settings: ConnectionSettings,
  ) {
    this.transport = new TdsTransport(
      socket,
      (message) => this.deliver(message),
      (error) => this.fail(error),
    );
    socket.on("error", (error) => this.fail(error));
    socket.on("close", () => {
      this.record.closed = true;
      this.running?.controller.abort();
      this.fail(new Error("The client closed the connection."));
    });
  }

  /** Runs the connection; never rejects, a failure ends the connection. */
  async run(): Promise<void> {
    try {
      if (await this.negotiate()) {
        await this.login();
      }

      while (this.session) {
        await this.serve(await this.next());
      }
    } catch (error) {
      if (error instanceof TdsProtocolError) {
        this.record.protocolError = error.message;
      }
    } finally {
      this.transport.destroy();
    }
  }

  private deliver(message: TdsMessage): void {
    // ATTENTION may arrive while a request runs, so it skips the queue.
    if (message.type === PacketType.attention && this.session) {
      this.attention();
      return;
    }

    if (this.waiter) {
      const waiter = this.waiter;
      this.waiter = undefined;
      waiter(message);
    } else {
      this.inbox.push(message);
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;

    if (this.waiter) {
      const waiter = this.waiter;
      this.waiter = undefined;
      waiter(error);
    }
  }

  private next(): Promise<TdsMessage> {
    const queued = this.inbox.shift();

    if (queued) {
      return Promise.resolve(queued);
    }

    if (this.failure) {
      return Promise.reject(this.failure);
    }

    return new Promise((resolve, reject) => {
      this.waiter = (message) =>
        message instanceof Error ? reject(message) : resolve(message);
    });
  }

  private async expect(type: number, what: string): Promise<TdsMessage> {
    const message = await this.next();

    if (message.type !== type) {
      throw new TdsProtocolError(
        `Expected ${what}, received a message of type ` +
          `0x${message.type.toString(16)}.`,
      );
    }

    return message;
  }

  /** PRELOGIN and TLS. Returns false when the connection must end. */
  private async negotiate(): Promise<boolean> {
    const { options, secureContext } = this.settings;
    const strict = await this.transport.detectStrict();

    if (strict) {
      if (!secureContext) {
        this.record.tlsError =
          "The client opened with TLS but the server has no certificate.";
        return false;
      }

      const details = await this.tls(this.transport.startStrictTls(secureContext));

      if (!details) {
        return false;
      }

      this.record.encryption = "strict";
    } else if (options.requireStrict) {
      this.record.encryption = "rejected";
      this.record.protocolError = "The server requires TDS 8.0 strict encryption.";
      return false;
    }

    const prelogin = parseClientPrelogin(
      (await this.expect(PacketType.prelogin, "PRELOGIN")).payload,
    );
    this.record.prelogin = prelogin;

    // In TDS 8.0 TLS is already up, so the ENCRYPTION option is not
    // negotiated; the server replies ENCRYPT_ON to say the link is encrypted.
    const { reply, outcome } = strict
      ? { reply: Encrypt.on, outcome: "strict" as const }
      : negotiateEncryption(prelogin.encryption, this.settings.encryption);
    const instance = prelogin.instance.toUpperCase();
    const instanceValid =
      instance === "" || instance === "MSSQLSERVER" ? 0 : 1;

    this.transport.send(
      PacketType.tabularResult,
      buildServerPrelogin({
        version: this.settings.version,
        encryption: reply,
        instanceValidity: instanceValid,
        mars: false,
        fedAuthRequired: prelogin.fedAuthRequired ? false : undefined,
      }),
    );

    if (outcome === "strict") {
      return true;
    }

    this.record.encryption = outcome;

    if (outcome === "rejected") {
      return false;
    }

    if (outcome === "none") {
      return true;
    }

    const details = await this.tls(this.transport.offerPreloginTls(secureContext!));

    if (details === undefined) {
      return false;
    }

    // A client that sends LOGIN7 in clear text after the server
    // replied ENCRYPT_OFF is recorded as unencrypted instead of being cut off, so a
    // test can assert on it. (tedious 19 with `encrypt: false` sends
    // ENCRYPT_NOT_SUP instead and never reaches this path.)
    // NOTE: login-only encryption (TLS for LOGIN7, then clear text) follows
    // [MS-TDS] 2.2.6.5 but no test drives it, because tedious never asks
    // for it.
    if (details === null) {
      if (outcome === "full") {
        this.record.protocolError =
          "The client skipped the TLS handshake that PRELOGIN negotiated.";
        return false;
      }

      this.record.encryption = "none";
    }

    return true;
  }

  /** Awaits a handshake; records and swallows a TLS failure as undefined. */
  private async tls(
    handshake: Promise<TlsDetails | null>,
  ): Promise<TlsDetails | null | undefined> {
    try {
      const details = await handshake;

      if (details) {
        this.record.tlsVersion = details.version ?? undefined;
        this.record.alpn = details.alpn || undefined;
        this.record.tlsServerName = details.serverName || undefined;
      }

      return details;
    } catch (error) {
      this.record.tlsError = (error as Error).message;
      return undefined;
    }
  }

  private async login(): Promise<void> {
    const message = await this.expect(PacketType.login7, "LOGIN7");
    const login = parseLogin7(message.payload);
    const encrypted = this.record.encryption !== "none";
    this.record.loginEncrypted = encrypted;

    if (this.record.encryption === "login-only") {
      this.transport.stopTls();
    }

    this.record.login = {
      userName: login.userName,
      password: login.password,
      database: login.database,
      appName: login.appName,
      hostName: login.hostName,
      serverName: login.serverName,
      language: login.language,
      readOnlyIntent: login.readOnlyIntent,
      integratedSecurity: login.integratedSecurity,
      tdsVersion: `0x${login.tdsVersion.toString(16).padStart(8, "0")}`,
      packetSize: login.packetSize,
      features: login.features,
    };

    const refusal = checkLogin(login, this.settings.options);

    if (refusal.length > 0) {
      this.record.loginError = refusal[0];
      this.transport.send(
        PacketType.tabularResult,
        encodeLoginFailure(refusal, this.settings.serverName),
      );
      await this.transport.drain();
      return;
    }

    const defaultDatabase = this.settings.options.defaultDatabase ?? "master";
    const database = login.database || defaultDatabase;
    const packetSize = Math.min(
      MAX_PACKET_SIZE,
      Math.max(MIN_PACKET_SIZE, login.packetSize || 4096),
    );
    this.transport.send(
      PacketType.tabularResult,
      encodeLoginSuccess({
        database,
        packetSize,
        clientTdsVersion: login.tdsVersion,
        features: login.features,
        serverName: this.settings.serverName,
        version: this.settings.version,
      }),
    );
    this.transport.packetSize = packetSize;
    this.record.loggedIn = true;
    this.session = {
      connectionId: this.record.id,
      userName: login.userName,
      database,
      appName: login.appName,
      readOnlyIntent: login.readOnlyIntent,
    };
  }

  private async serve(message: TdsMessage): Promise<void> {
    switch (message.type) {
      case PacketType.sqlBatch:
        return this.answer(parseSqlBatch(message.payload), message);
      case PacketType.rpc:
        return this.answer(parseRpc(message.payload), message);
      case PacketType.attention:
        return this.attention();
      default:
        throw new TdsProtocolError(
          `The test server does not handle messages of type ` +
            `0x${message.type.toString(16)} (transactions, bulk load).`,
        );
    }
  }

  private async answer(request: SqlRequest, message: TdsMessage): Promise<void> {
    const session = this.session!;
    const housekeeping =
      this.settings.options.answerDriverHousekeeping === false
        ? undefined
        : housekeepingResponse(request);
    const record: QueryRecord = {
      connectionId: this.record.id,
      kind: request.kind,
      procedure: request.procedure,
      sql: request.sql,
      declarations: request.declarations,
      parameters: request.parameters,
      database: session.database,
      driverHousekeeping: housekeeping !== undefined,
      resetConnection: (message.status & PacketStatus.resetConnection) !== 0,
      cancelled: false,
    };
    this.settings.queries.push(record);

    const controller = new AbortController();
    this.running = { controller, record };
    let response: QueryResponse;

    try {
      response =
        housekeeping ??
        (await this.callHandler(request, session, controller.signal));
    } catch (error) {
      response = handlerFailure(`it threw ${(error as Error).message}`);
    } finally {
      this.running = undefined;
    }

    // After ATTENTION the request's response ends at once, without its
    // results. The acknowledgement follows as a message of its own, because
    // tedious 19 reads it as the next message; the client discards
    // everything before it ([MS-TDS] Attention).
    if (controller.signal.aborted) {
      if (!this.record.closed) {
        this.transport.send(PacketType.tabularResult, encodeCancelledEnd());
        this.transport.send(PacketType.tabularResult, encodeAttentionAck());
      }
      return;
    }

    const encoded = this.encode(response, request.kind);

    if (encoded.dropConnection) {
      this.transport.send(PacketType.tabularResult, encoded.payload, false);
      await this.transport.drain();
      this.session = undefined;
      return;
    }

    this.transport.send(PacketType.tabularResult, encoded.payload);
  }

  /**
   * Encodes a response. A value that does not fit its column type is a
   * mistake in the test, so it becomes error 50000 naming the problem
   * instead of a dropped connection.
   */
  private encode(response: QueryResponse, kind: "batch" | "rpc"): EncodedResponse {
    const serverName = this.settings.serverName;

    try {
      return encodeResponse(response, kind, serverName);
    } catch (error) {
      const message = handlerFailure(
        `its response could not be encoded: ${(error as Error).message}`,
      );
      return encodeResponse(message, kind, serverName);
    }
  }

  private async callHandler(
    request: SqlRequest,
    session: SessionInfo,
    signal: AbortSignal,
  ): Promise<QueryResponse> {
    const handler = this.settings.options.handler;

    if (!handler) {
      return noHandlerError(request);
    }

    return handler({
      kind: request.kind,
      procedure: request.procedure,
      sql: request.sql,
      declarations: request.declarations,
      parameters: request.parameters,
      session,
      signal,
    });
  }

  private attention(): void {
    this.record.attentions++;

    if (this.running) {
      this.running.record.cancelled = true;
      this.running.controller.abort();
      return;
    }

    this.transport.send(PacketType.tabularResult, encodeAttentionAck());
  }
}
