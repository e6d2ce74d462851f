/**
 * Helpers of the run and connection route tests: multipart uploads through
 * inject, waiting for a run to end, reading server-sent events, and a TCP
 * server on 127.0.0.1 that accepts connections and never sends a byte. A
 * run through a saved connection to that server stays in its connecting
 * phase until it is cancelled.
 */

import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { createServer, type Server, type Socket } from "node:net";

import type { LightMyRequestResponse } from "fastify";

import type { JobSnapshot } from "../../../src/web/jobs/index.js";
import type { RunJson } from "../../../src/web/routes/run-access.js";
import type { ConsoleClient, TestConsole } from "../../helpers/web-console.js";

export interface UploadFile {
  readonly name: string;
  readonly content: string | Uint8Array;
}

/** Builds a multipart/form-data body: text fields first, then files under `scripts`. */
export function multipartBody(
  fields: Readonly<Record<string, string>>,
  files: readonly UploadFile[],
): { body: Buffer; contentType: string } {
  const boundary = `----infio-test-${randomBytes(8).toString("hex")}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const file of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="scripts"; filename="${file.name}"\r\n` +
          "Content-Type: application/octet-stream\r\n\r\n",
      ),
    );
    chunks.push(Buffer.from(file.content));
    chunks.push(Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Posts the run form as a browser does: multipart, with the CSRF token in the action URL. */
export async function postRun(
  web: TestConsole,
  client: ConsoleClient,
  fields: Readonly<Record<string, string>>,
  files: readonly UploadFile[],
): Promise<LightMyRequestResponse> {
  const { body, contentType } = multipartBody(fields, files);
  const token = client.csrfToken ?? "";
  return web.app.inject({
    method: "POST",
    url: `/runs?_csrf=${encodeURIComponent(token)}`,
    headers: { "content-type": contentType },
    cookies: Object.fromEntries(client.cookies),
    payload: body,
  });
}

/** Returns the run id of a 303 to `/runs/ID`. */
export function runIdOf(response: LightMyRequestResponse): string {
  assert.equal(response.statusCode, 303, response.body.slice(0, 800));
  const location = String(response.headers.location);
  const match = /^\/runs\/([0-9a-f-]+)$/.exec(location);
  assert.ok(match, `unexpected redirect ${location}`);
  return match[1]!;
}

/** Waits for the run's final snapshot. */
export async function runEnd(web: TestConsole, id: string): Promise<JobSnapshot> {
  const subscription = web.services.runner.subscribe(id);
  assert.ok(subscription, `run ${id} is unknown`);
  let last: JobSnapshot | undefined;
  for await (const event of subscription) {
    last = event.job;
  }
  return last!;
}

/** Waits until the run has reached `state`, by its events. */
export async function runReaches(web: TestConsole, id: string, state: JobSnapshot["state"]): Promise<void> {
  const subscription = web.services.runner.subscribe(id);
  assert.ok(subscription, `run ${id} is unknown`);
  for await (const event of subscription) {
    if (event.job.state === state) {
      return;
    }
  }
  assert.fail(`run ${id} ended without reaching ${state}`);
}

export interface ServerSentEvent {
  readonly id: string | undefined;
  readonly data: RunJson;
}

/** Parses an event stream's text into its events; comments are returned apart. */
export function parseEventStream(text: string): { events: ServerSentEvent[]; comments: string[] } {
  const events: ServerSentEvent[] = [];
  const comments: string[] = [];
  for (const block of text.split("\n\n")) {
    if (block.trim() === "") {
      continue;
    }
    let id: string | undefined;
    let data: string | undefined;
    for (const line of block.split("\n")) {
      if (line.startsWith(":")) {
        comments.push(line.slice(1).trim());
      } else if (line.startsWith("id: ")) {
        id = line.slice(4);
      } else if (line.startsWith("data: ")) {
        data = line.slice(6);
      } else {
        assert.fail(`unexpected event stream line ${JSON.stringify(line)}`);
      }
    }
    if (data !== undefined) {
      events.push({ id, data: JSON.parse(data) as RunJson });
    }
  }
  return { events, comments };
}

export interface SilentServer {
  readonly address: string;
  /** Connections accepted so far. */
  readonly accepted: () => number;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 at a free port, accepts connections and sends nothing. */
export async function startSilentServer(): Promise<SilentServer> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server: Server = createServer((socket) => {
    accepted++;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  return {
    address: `127.0.0.1,${port}`,
    accepted: () => accepted,
    close: async () => {
      for (const socket of sockets) {
        socket.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Returns `127.0.0.1,PORT` of a port that nothing listens on, found by closing a listener. */
export async function closedPortAddress(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `127.0.0.1,${port}`;
}

/** Saves a connection through the form and returns its id. */
export async function saveConnection(
  web: TestConsole,
  client: ConsoleClient,
  form: Readonly<Record<string, string>>,
): Promise<string> {
  const response = await client.post("/connections", form);
  assert.equal(response.statusCode, 303, response.body.slice(0, 800));
  const saved = (await web.services.connections.list()).find((c) => c.name === form.name);
  assert.ok(saved, `connection '${form.name}' was not saved`);
  return saved.id;
}

/** Returns a page's text with the escapes of escapeHtml undone, for matching messages. */
export function unescaped(body: string): string {
  return body
    .replaceAll("&#39;", "'")
    .replaceAll("&quot;", '"')
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
}

/**
 * Re-evaluates `read` until it returns a value, for what the console
 * writes after the event a test waits for, such as a run's end in the
 * audit log. Fails after about ten seconds without one.
 */
export async function eventually<T>(what: string, read: () => Promise<T | undefined>): Promise<T> {
  for (let attempt = 0; attempt < 400; attempt++) {
    const value = await read();
    if (value !== undefined) {
      return value;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  assert.fail(`gave up waiting for ${what}`);
}
