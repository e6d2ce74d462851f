/**
 * A run's progress stream over real HTTPS on 127.0.0.1. The events arrive
 * one by one as the run changes, in order, from the queued state to done,
 * with heartbeat comments while nothing changes. A client that disconnects
 * ends its subscription. A run through a saved connection to a server that
 * never answers keeps the runner busy until the test cancels it.
 */

import assert from "node:assert/strict";
import type { ClientRequest, IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { after, before, describe, it } from "node:test";

import { SESSION_COOKIE } from "../../../src/web/auth/cookies.js";
import type { RunJson } from "../../../src/web/routes/run-access.js";
import { CONNECTION_ROUTES } from "../../../src/web/routes/connections.js";
import { runApiRoutes } from "../../../src/web/routes/runs-api.js";
import { RUN_ROUTES } from "../../../src/web/routes/runs.js";
import { startTlsTestConsole, type ConsoleClient, type TlsTestConsole } from "../../helpers/web-console.js";
import { CHECKPOINT_PROC } from "../jobs/job-helpers.js";
import {
  eventually,
  postRun,
  runEnd,
  runIdOf,
  runReaches,
  saveConnection,
  startSilentServer,
  type SilentServer,
} from "./run-helpers.js";

/** One block of an event stream: an event, or a comment line. */
interface StreamEvent {
  readonly kind: "event";
  readonly id: number;
  readonly data: RunJson;
}

type StreamBlock = StreamEvent | { readonly kind: "comment"; readonly text: string };

/** Reads an event stream block by block while it arrives. */
class EventStreamReader {
  readonly request: ClientRequest;
  readonly response: Promise<IncomingMessage>;
  readonly #blocks: StreamBlock[] = [];
  readonly #waiters: (() => void)[] = [];
  #buffer = "";
  #ended = false;

  constructor(url: URL, ca: string, cookie: string) {
    this.request = httpsRequest(url, { ca, servername: "localhost", agent: false, headers: { cookie, accept: "text/event-stream" } });
    this.response = new Promise((resolve, reject) => {
      this.request.on("response", (response: IncomingMessage) => {
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => this.#receive(chunk));
        response.on("end", () => this.#finish());
        response.on("error", () => this.#finish());
        resolve(response);
      });
      this.request.on("error", (error: Error) => {
        this.#finish();
        reject(error);
      });
    });
    this.request.end();
  }

  /** Returns the next block, or undefined once the stream has ended. */
  async next(): Promise<StreamBlock | undefined> {
    while (this.#blocks.length === 0 && !this.#ended) {
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
    return this.#blocks.shift();
  }

  /** Returns the next event, skipping comments. */
  async nextEvent(): Promise<StreamEvent | undefined> {
    for (let block = await this.next(); block !== undefined; block = await this.next()) {
      if (block.kind === "event") {
        return block;
      }
    }
    return undefined;
  }

  #receive(chunk: string): void {
    this.#buffer += chunk;
    let end = this.#buffer.indexOf("\n\n");
    while (end >= 0) {
      this.#blocks.push(parseBlock(this.#buffer.slice(0, end)));
      this.#buffer = this.#buffer.slice(end + 2);
      end = this.#buffer.indexOf("\n\n");
    }
    this.#wake();
  }

  #finish(): void {
    this.#ended = true;
    this.#wake();
  }

  #wake(): void {
    for (const waiter of this.#waiters.splice(0)) {
      waiter();
    }
  }
}

function parseBlock(text: string): StreamBlock {
  if (text.startsWith(":")) {
    return { kind: "comment", text: text.slice(1).trim() };
  }
  const lines = text.split("\n");
  assert.equal(lines.length, 2, `unexpected event block ${JSON.stringify(text)}`);
  assert.match(lines[0]!, /^id: \d+$/);
  assert.match(lines[1]!, /^data: \{/);
  return { kind: "event", id: Number(lines[0]!.slice(4)), data: JSON.parse(lines[1]!.slice(6)) as RunJson };
}

describe("run progress stream over HTTPS", { concurrency: false }, () => {
  let web: TlsTestConsole;
  let assessor: ConsoleClient;
  let silent: SilentServer;
  let silentConnection: string;

  before(async () => {
    web = await startTlsTestConsole({ routes: [RUN_ROUTES, runApiRoutes({ heartbeatMs: 50 }), CONNECTION_ROUTES] });
    assessor = await web.signInAs("assessor");
    silent = await startSilentServer();
    silentConnection = await saveConnection(web, assessor, {
      name: "Silent",
      server: silent.address,
      user: "reader",
      password: "silent-password-2",
    });
  });

  after(async () => {
    await web?.close();
    await silent?.close();
  });

  function stream(runId: string): EventStreamReader {
    const cookie = `${SESSION_COOKIE}=${assessor.cookies.get(SESSION_COOKIE)}`;
    return new EventStreamReader(new URL(`/api/runs/${runId}/events`, web.url), web.tls.certPem, cookie);
  }

  async function holdRunner(): Promise<string> {
    const id = runIdOf(await assessor.post("/runs", { connection: silentConnection, target: "babelfish" }));
    await runReaches(web, id, "running");
    return id;
  }

  function cancel(id: string) {
    return assessor.request({ method: "POST", url: `/api/runs/${id}/cancel`, headers: { "x-csrf-token": assessor.csrfToken! } });
  }

  it("delivers ordered events from queued to done", async () => {
    const held = await holdRunner();
    const id = runIdOf(await postRun(web, assessor, { target: "babelfish" }, [{ name: "flush.sql", content: CHECKPOINT_PROC }]));
    const reader = stream(id);

    const response = await reader.response;
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers["content-type"]), /^text\/event-stream/);
    assert.equal(response.headers["cache-control"], "no-store");
    assert.ok(response.headers["content-security-policy"], "no security headers");

    const first = await reader.next();
    assert.ok(first?.kind === "event", "the stream does not start with an event");
    assert.equal(first.data.state, "queued");
    // Nothing changes while the run is queued, so the next block is a heartbeat.
    assert.deepEqual(await reader.next(), { kind: "comment", text: "heartbeat" });

    assert.equal((await cancel(held)).statusCode, 200);
    const events: StreamEvent[] = [first];
    for (let event = await reader.nextEvent(); event !== undefined; event = await reader.nextEvent()) {
      events.push(event);
    }

    const ids = events.map((event) => event.id);
    assert.deepEqual(ids, [...ids].sort((a, b) => a - b), "events out of order");
    assert.equal(new Set(ids).size, ids.length, "an event was repeated");
    const states = events.map((event) => event.data.state).filter((state, i, all) => state !== all[i - 1]);
    assert.deepEqual(states, ["queued", "running", "done"]);
    const last = events.at(-1)!.data;
    assert.equal(last.id, id);
    assert.equal(last.unitsDone, 1);
    assert.ok(last.findings > 0);
    assert.equal(last.assessmentId, (await runEnd(web, id)).assessmentId);
    assert.equal((await runEnd(web, held)).state, "cancelled");
  });

  it("ends the subscription when the client leaves", async () => {
    const held = await holdRunner();
    const reader = stream(held);
    const first = await reader.nextEvent();
    assert.equal(first?.data.state, "running");

    reader.request.destroy();

    await eventually("the log line of the closed stream", async () =>
      web.logs.find((line) => line.includes(`progress stream of run ${held} closed by the client`)),
    );
    assert.equal((await cancel(held)).statusCode, 200);
    assert.equal((await runEnd(web, held)).state, "cancelled");
  });

  it("answers a signed-out visitor with 401", async () => {
    const response = await web.fetch(`/api/runs/${web.services.runner.list()[0]!.id}/events`);

    assert.equal(response.status, 401);
    assert.match(String(response.headers["content-type"]), /^application\/json/);
  });
});
