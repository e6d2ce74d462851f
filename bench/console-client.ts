/**
 * A simulated console user for the load benchmark. Each session has one
 * keep-alive HTTPS connection and keeps the cookies a browser would keep.
 * It signs in through the form, uploads scripts as multipart form data and
 * reads a run's progress from its event stream.
 *
 * TLS verification stays on. The agent trusts only the console's
 * self-signed certificate (its `ca`), and the first response of each session
 * must come with the fingerprint that `infio serve` printed.
 */

import { randomBytes } from "node:crypto";
import { Agent, request as httpsRequest } from "node:https";
import { performance } from "node:perf_hooks";
import type { TLSSocket } from "node:tls";

import { SESSION_COOKIE, VISITOR_CSRF_COOKIE } from "../src/web/auth/cookies.js";
import { CSRF_FIELD } from "../src/web/auth/csrf.js";

export interface ConsoleEndpoint {
  /** `https://127.0.0.1:PORT/` */
  readonly url: string;
  readonly certPem: string;
  /** SHA-256 fingerprint as `infio serve` prints it (`AB:CD:...`). */
  readonly fingerprint: string;
}

export interface TimedResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
  /** From sending the request to the end of the body, in ms. */
  readonly ms: number;
}

export interface UploadFile {
  readonly name: string;
  readonly text: string;
}

/** Final run states: a run in one of them changes no more. */
const FINAL_STATES: ReadonlySet<string> = new Set(["done", "failed", "cancelled"]);

/** A run's JSON snapshot, as `/api/runs/:id` and its events send it. */
export interface RunSnapshot {
  readonly id: string;
  readonly state: string;
  readonly lines: number;
  readonly findings: number;
  readonly unitsDone: number;
  readonly elapsedMs: number;
  readonly assessmentId?: string;
  readonly error?: string;
}

export class ConsoleSession {
  readonly name: string;
  readonly #endpoint: ConsoleEndpoint;
  readonly #agent: Agent;
  readonly #cookies = new Map<string, string>();
  #csrfToken: string | undefined;
  #fingerprintChecked = false;

  constructor(endpoint: ConsoleEndpoint, name: string) {
    this.#endpoint = endpoint;
    this.name = name;
    // One socket: a user's requests follow one another, as in one browser tab.
    this.#agent = new Agent({ keepAlive: true, maxSockets: 1, ca: endpoint.certPem });
  }

  /** The session's CSRF token, read from the last page after sign-in. */
  get csrfToken(): string {
    if (this.#csrfToken === undefined) {
      throw new Error(`session of '${this.name}' has no CSRF token: sign in first`);
    }
    return this.#csrfToken;
  }

  /** Signs in through the form and reads the session's CSRF token from the home page. */
  async signIn(password: string): Promise<void> {
    await this.expect(200, "GET", "/sign-in");
    const visitorToken = this.#cookies.get(VISITOR_CSRF_COOKIE);
    if (visitorToken === undefined) {
      throw new Error(`GET /sign-in set no ${VISITOR_CSRF_COOKIE} cookie for '${this.name}'`);
    }

    const form = new URLSearchParams({ name: this.name, password, next: "/assessments", [CSRF_FIELD]: visitorToken });
    await this.expect(303, "POST", "/sign-in", {
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: Buffer.from(form.toString(), "utf8"),
    });
    if (!this.#cookies.has(SESSION_COOKIE)) {
      throw new Error(`sign-in of '${this.name}' set no session cookie; check the user's password`);
    }

    const home = await this.expect(200, "GET", "/assessments");
    const meta = /<meta name="csrf-token" content="([^"]+)">/.exec(home.body);
    if (meta === null) {
      throw new Error(`the page after signing in '${this.name}' has no csrf-token meta tag`);
    }
    this.#csrfToken = meta[1]!;
  }

  /** Sends a request and returns its response, keeping the cookies it sets. */
  async send(
    method: string,
    path: string,
    options: { headers?: Record<string, string>; body?: Buffer } = {},
  ): Promise<TimedResponse> {
    const started = performance.now();
    const response = await this.#exchange(method, path, options);
    return { ...response, ms: performance.now() - started };
  }

  /** Sends a request and throws when the response status is not `status`. */
  async expect(
    status: number,
    method: string,
    path: string,
    options: { headers?: Record<string, string>; body?: Buffer } = {},
  ): Promise<TimedResponse> {
    const response = await this.send(method, path, options);
    if (response.status !== status) {
      throw new Error(
        `${method} ${path} as '${this.name}' returned HTTP ${response.status}, expected ${status}: ` +
          response.body.slice(0, 300),
      );
    }
    return response;
  }

  /**
   * Uploads `files` to start a run, as the form on /runs/new does, and
   * returns the response: 303 to the run's page on success.
   */
  upload(files: readonly UploadFile[], target = "babelfish"): Promise<TimedResponse> {
    const boundary = `----infio-bench-${randomBytes(12).toString("hex")}`;
    const parts: Buffer[] = [];
    const field = (name: string, value: string): void => {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
    };

    field("target", target);
    for (const file of files) {
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="scripts"; filename="${file.name}"\r\n` +
            "Content-Type: application/sql\r\n\r\n",
        ),
        Buffer.from(file.text, "utf8"),
        Buffer.from("\r\n"),
      );
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`));

    const path = `/runs?${new URLSearchParams({ [CSRF_FIELD]: this.csrfToken }).toString()}`;
    return this.send("POST", path, {
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      body: Buffer.concat(parts),
    });
  }

  /**
   * Reads the run's event stream, as the run-progress island does, and
   * returns the snapshot with the run's final state. Throws when the stream
   * fails or ends before the run does.
   */
  followRun(runId: string): Promise<RunSnapshot> {
    const path = `/api/runs/${encodeURIComponent(runId)}/events`;
    return new Promise((resolve, reject) => {
      const request = httpsRequest(
        new URL(path, this.#endpoint.url),
        { method: "GET", agent: this.#agent, headers: { accept: "text/event-stream", cookie: this.#cookieHeader() } },
        (response) => {
          if (response.statusCode !== 200) {
            response.resume();
            reject(new Error(`GET ${path} returned HTTP ${String(response.statusCode)}, expected 200`));
            return;
          }

          let buffered = "";
          let last: RunSnapshot | undefined;
          response.setEncoding("utf8");
          response.on("data", (chunk: string) => {
            buffered += chunk;
            for (let end = buffered.indexOf("\n\n"); end >= 0; end = buffered.indexOf("\n\n")) {
              const event = buffered.slice(0, end);
              buffered = buffered.slice(end + 2);
              const data = event
                .split("\n")
                .filter((line) => line.startsWith("data:"))
                .map((line) => line.slice(5).trimStart())
                .join("\n");
              if (data !== "") {
                last = JSON.parse(data) as RunSnapshot;
              }
            }
          });
          response.on("error", reject);
          response.on("end", () => {
            if (last !== undefined && FINAL_STATES.has(last.state)) {
              resolve(last);
            } else {
              reject(new Error(`the event stream of run ${runId} ended before the run did (last state ${last?.state})`));
            }
          });
        },
      );
      request.on("error", reject);
      request.end();
    });
  }

  /** Closes the session's connection. */
  close(): void {
    this.#agent.destroy();
  }

  #exchange(
    method: string,
    path: string,
    options: { headers?: Record<string, string>; body?: Buffer },
  ): Promise<Omit<TimedResponse, "ms">> {
    const headers: Record<string, string> = { ...options.headers };
    const cookie = this.#cookieHeader();
    if (cookie !== "") {
      headers.cookie = cookie;
    }
    if (options.body !== undefined) {
      headers["content-length"] = String(options.body.length);
    }

    return new Promise((resolve, reject) => {
      const request = httpsRequest(new URL(path, this.#endpoint.url), { method, agent: this.#agent, headers }, (response) => {
        try {
          this.#checkFingerprint(response.socket as TLSSocket);
        } catch (error) {
          response.destroy();
          reject(error);
          return;
        }

        this.#keepCookies(response.headers["set-cookie"] ?? []);
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
      });
      request.on("error", reject);
      request.end(options.body);
    });
  }

  #checkFingerprint(socket: TLSSocket): void {
    if (this.#fingerprintChecked) {
      return;
    }
    const seen = socket.getPeerX509Certificate()?.fingerprint256;
    if (seen !== this.#endpoint.fingerprint) {
      throw new Error(
        `the console presented a certificate with fingerprint ${String(seen)}, ` +
          `not the ${this.#endpoint.fingerprint} that infio serve printed`,
      );
    }
    this.#fingerprintChecked = true;
  }

  #cookieHeader(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  /** Keeps the cookies of `Set-Cookie` headers. An empty value or `Max-Age=0` deletes a cookie. */
  #keepCookies(setCookies: readonly string[]): void {
    for (const line of setCookies) {
      const [pair = "", ...attributes] = line.split(";");
      const equals = pair.indexOf("=");
      const name = pair.slice(0, equals).trim();
      const value = pair.slice(equals + 1).trim();
      const expired = attributes.some((attribute) => /^\s*max-age\s*=\s*0\s*$/i.test(attribute));
      if (value === "" || expired) {
        this.#cookies.delete(name);
      } else {
        this.#cookies.set(name, value);
      }
    }
  }
}
