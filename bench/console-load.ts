/**
 * `npm run bench:console`: the web console under load. The benchmark starts
 * the real `infio serve` in a child process (HTTPS on 127.0.0.1 at a free
 * port, a temporary data folder, the embedded store) and adds its users
 * through the store first. An assessor then uploads a generated corpus
 * (`--seed-lines`, default 100,000) and the console's job runner assesses
 * it: that stored assessment is what the readers read.
 *
 * Then `--users` simulated users (default 20), each signed in with a
 * session of its own, read for `--duration` seconds (default 30) without
 * pause: the assessments list, the seed's report page, the findings API
 * with a random filter and page, and the source view of a finding. At the
 * same time the assessor uploads a second corpus (`--run-lines`, default
 * 100,000) and follows its run to the end, as the progress page does. The
 * readers go on until the run has ended, even past the duration, so that
 * the run is under load throughout. With `--baseline` the same upload runs
 * once before, with no readers, for comparison.
 *
 * It prints, per route, requests, errors, latency percentiles and
 * throughput; the run's time under load; and the server's peak RSS, both
 * as sampled during the load (VmRSS) and over the server's life (VmHWM),
 * from /proc, so on Linux only. An error is a network error or a status
 * other than the route's success status (200, or 303 for the upload).
 * Latency percentiles count the successful requests. The exit status is 1
 * when any request failed or a run did not finish.
 *
 * Usage: node dist/bench/console-load.js [--duration S] [--users N]
 *   [--seed-lines N] [--run-lines N] [--baseline] [--random-seed N]
 */

import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";

import { consoleAccounts } from "../src/store/console-accounts.js";
import { openStore } from "../src/store/index.js";
import { PasswordHasher } from "../src/web/auth/passwords.js";
import { TLS_DIRECTORY } from "../src/web/server/tls/console-certificate.js";
import { ConsoleSession, type ConsoleEndpoint, type RunSnapshot, type UploadFile } from "./console-client.js";
import { generateCorpus } from "./corpus.js";
import { findReadTargets, readLoop } from "./console-readers.js";
import { formatReport, RouteStats, runText, type LoadReport, type MeasuredRun } from "./console-report.js";

const REPO = fileURLToPath(new URL("../../", import.meta.url));

/**
 * The console allows 30 sign-ins per client address in 10 minutes, and
 * every simulated user signs in from 127.0.0.1, as does the assessor.
 */
const MAX_READERS = 29;

/** Maximum files in one upload, as the console's run form accepts. */
const FILES_PER_UPLOAD = 20;

/** Interval in ms between samples of the server's RSS and the load average. */
const SAMPLE_MS = 250;

interface Options {
  readonly durationS: number;
  readonly users: number;
  readonly seedLines: number;
  readonly runLines: number;
  readonly baseline: boolean;
  /** Seed of the readers' random choices, so that runs can repeat them. */
  readonly randomSeed: number;
}

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  const text = at < 0 ? String(fallback) : (process.argv[at + 1] ?? "");
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value <= 0) {
    throw new Error(`invalid ${name} '${text}': pass a positive whole number`);
  }
  return value;
}

function parseOptions(): Options {
  const users = option("--users", 20);
  if (users > MAX_READERS) {
    throw new Error(
      `invalid --users ${users}: at most ${MAX_READERS}, because the console allows 30 sign-ins ` +
        "from one address in 10 minutes and the assessor signs in too",
    );
  }
  return {
    durationS: option("--duration", 30),
    users,
    seedLines: option("--seed-lines", 100_000),
    runLines: option("--run-lines", 100_000),
    baseline: process.argv.includes("--baseline"),
    randomSeed: option("--random-seed", 1),
  };
}

/** Returns the generated corpus of `lines` lines as at most 20 files named `prefix_N.sql`. */
function corpusFiles(lines: number, prefix: string): UploadFile[] {
  const linesPerFile = Math.max(2_000, Math.ceil(lines / FILES_PER_UPLOAD));
  return [...generateCorpus(lines, linesPerFile)].map((file, i) => ({ name: `${prefix}_${i}.sql`, text: file.text }));
}

/** Adds the assessor and the readers through the store, before the console opens it. */
async function addUsers(dataDir: string, readers: number): Promise<Map<string, string>> {
  const opened = await openStore("embedded", { dataDir });
  if (!opened.ok) {
    throw opened.error;
  }

  const passwords = new Map<string, string>();
  const hasher = new PasswordHasher();
  try {
    const users = consoleAccounts(opened.store).users;
    const names = ["assessor", ...Array.from({ length: readers }, (_, i) => `reader${i + 1}`)];
    for (const name of names) {
      const password = `${name}-bench-password`;
      const role = name === "assessor" ? "assessor" : "viewer";
      await users.add({ name, role, passwordHash: await hasher.hash(password), now: new Date() });
      passwords.set(name, password);
    }
  } finally {
    await opened.store.close();
  }
  return passwords;
}

interface Server {
  readonly endpoint: ConsoleEndpoint;
  readonly child: ChildProcess;
  /** Warning and error lines of the server's log. */
  readonly problems: string[];
}

async function startServer(root: string): Promise<Server> {
  const env = {
    PATH: process.env.PATH ?? "",
    HOME: join(root, "home"),
    TMPDIR: join(root, "tmp"),
    INFIO_HOME: join(root, "data"),
  };
  const child = spawn(process.execPath, [join(REPO, "bin", "infio.js"), "serve", "--host", "127.0.0.1", "--port", "0"], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Should this process die without stopping the server, the server dies too.
  const killOnExit = (): void => {
    child.kill("SIGKILL");
  };
  process.once("exit", killOnExit);
  child.once("exit", () => process.removeListener("exit", killOnExit));

  let stdout = "";
  const problems: string[] = [];
  let partial = "";
  child.stdout!.on("data", (data: Buffer) => (stdout += data.toString("utf8")));
  child.stderr!.on("data", (data: Buffer) => {
    const lines = (partial + data.toString("utf8")).split("\n");
    partial = lines.pop() ?? "";
    problems.push(...lines.filter((line) => /^\S+ (warn|error) /.test(line)));
  });

  const listening = /^infio console: (https:\/\/\S+)\ncertificate SHA-256 fingerprint: ([0-9A-F:]{95})\n/;
  for (let waited = 0; waited < 180_000; waited += 100) {
    const match = listening.exec(stdout);
    if (match !== null) {
      const certPem = readFileSync(join(env.INFIO_HOME, TLS_DIRECTORY, "console-cert.pem"), "utf8");
      return { endpoint: { url: match[1]!, fingerprint: match[2]!, certPem }, child, problems };
    }
    if (child.exitCode !== null) {
      throw new Error(`infio serve exited with ${child.exitCode} before listening: ${problems.join("\n")}`);
    }
    await sleep(100);
  }
  child.kill("SIGKILL");
  throw new Error("infio serve did not listen within 180 s");
}

async function stopServer(child: ChildProcess): Promise<number | string> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return child.exitCode ?? child.signalCode!;
  }
  const exited = new Promise<number | string>((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal ?? "")));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
  try {
    return await exited;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Returns the CPU time in seconds that process `pid` and all its threads,
 * live and ended, have used: utime plus stime of /proc/PID/stat, in clock
 * ticks of 1/100 s (USER_HZ, which Linux fixes at 100 on x86 and arm64).
 */
function procCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name in brackets may contain spaces, so fields are counted after it.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Returns a field of /proc/PID/status in MiB, such as VmRSS or VmHWM. */
function procMemoryMiB(pid: number, field: "VmRSS" | "VmHWM"): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, "m").exec(status);
  if (match === null) {
    throw new Error(`/proc/${pid}/status has no ${field} line`);
  }
  return Number(match[1]) / 1024;
}

interface RunStats {
  readonly upload: RouteStats;
  readonly runPage: RouteStats;
}

/**
 * Uploads `files`, follows the run to its end and returns it. With
 * `stats`, the upload and the run page are recorded there.
 */
async function uploadAndFollow(
  session: ConsoleSession,
  files: readonly UploadFile[],
  lines: number,
  stats?: RunStats,
): Promise<MeasuredRun> {
  const started = performance.now();
  const posted = await session.upload(files);
  const location = String(posted.headers.location ?? "");
  const runId = /^\/runs\/([0-9a-f-]+)$/.exec(location)?.[1];
  const uploadError = posted.status === 303 && runId !== undefined ? undefined : `HTTP ${posted.status}`;
  stats?.upload.record(posted.ms, uploadError);
  if (uploadError !== undefined || runId === undefined) {
    throw new Error(`the upload returned HTTP ${posted.status} (location '${location}'): ${posted.body.slice(0, 300)}`);
  }

  const page = await session.send("GET", location);
  stats?.runPage.record(page.ms, page.status === 200 ? undefined : `HTTP ${page.status}`);
  const snapshot: RunSnapshot = await session.followRun(runId);
  return { snapshot, wallMs: performance.now() - started, lines };
}

interface LoadPhase {
  readonly readers: readonly ConsoleSession[];
  readonly assessor: ConsoleSession;
  readonly seed: MeasuredRun;
  readonly runFiles: readonly UploadFile[];
  readonly serverPid: number;
}

/**
 * Runs the readers and the assessor's upload at once, and returns the
 * report without the seed, baseline and server log.
 */
async function runLoad(options: Options, phase: LoadPhase): Promise<Omit<LoadReport, "seed" | "baseline" | "serverProblems">> {
  const { readers, assessor, seed, serverPid } = phase;
  const targets = await findReadTargets(readers[0]!, seed.snapshot.assessmentId!, seed.snapshot.findings);
  const stats = {
    list: new RouteStats("GET /assessments"),
    report: new RouteStats("GET /assessments/:id"),
    findings: new RouteStats("GET /api/assessments/:id/findings"),
    source: new RouteStats("GET /assessments/:id/source"),
    upload: new RouteStats("POST /runs (upload)"),
    runPage: new RouteStats("GET /runs/:id"),
  };

  const loadAverages: number[] = [loadavg()[0]!];
  const rssBeforeMiB = procMemoryMiB(serverPid, "VmRSS");
  const cpuBeforeS = procCpuSeconds(serverPid);
  const clientCpuBefore = process.cpuUsage();
  let peakRssMiB = rssBeforeMiB;
  const sampler = setInterval(() => {
    loadAverages.push(loadavg()[0]!);
    try {
      peakRssMiB = Math.max(peakRssMiB, procMemoryMiB(serverPid, "VmRSS"));
    } catch {
      // The server has exited; the readers' requests fail and count as errors.
    }
  }, SAMPLE_MS);

  const started = performance.now();
  const deadline = started + options.durationS * 1000;
  let runEnded = false;
  let run: MeasuredRun | { error: string };
  try {
    const running = uploadAndFollow(assessor, phase.runFiles, options.runLines, stats)
      .then(
        (measured): MeasuredRun | { error: string } => measured,
        (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }),
      )
      .finally(() => (runEnded = true));
    const keepReading = (): boolean => !runEnded || performance.now() < deadline;
    const reading = readers.map((reader, i) => readLoop(reader, targets, stats, options.randomSeed + i, keepReading));
    [run] = await Promise.all([running, ...reading]);
  } finally {
    clearInterval(sampler);
  }
  const readMs = performance.now() - started;
  loadAverages.push(loadavg()[0]!);
  const serverCpuS = procCpuSeconds(serverPid) - cpuBeforeS;
  const clientCpu = process.cpuUsage(clientCpuBefore);

  return {
    routes: Object.values(stats),
    readMs,
    readers: readers.length,
    durationS: options.durationS,
    run,
    serverCpuS,
    clientCpuS: (clientCpu.user + clientCpu.system) / 1e6,
    rssBeforeMiB,
    peakRssMiB,
    lifetimePeakRssMiB: procMemoryMiB(serverPid, "VmHWM"),
    loadAverages,
    machine: `${cpus()[0]?.model.trim() ?? "unknown CPU"}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB`,
    node: process.version,
  };
}

async function signIn(endpoint: ConsoleEndpoint, name: string, passwords: Map<string, string>): Promise<ConsoleSession> {
  const session = new ConsoleSession(endpoint, name);
  try {
    await session.signIn(passwords.get(name)!);
  } catch (error) {
    session.close();
    throw error;
  }
  return session;
}

async function main(): Promise<number> {
  const options = parseOptions();
  const root = mkdtempSync(join(tmpdir(), "infio-console-bench-"));
  for (const dir of ["home", "tmp", "data"]) {
    mkdirSync(join(root, dir));
  }

  let server: Server | undefined;
  const sessions: ConsoleSession[] = [];
  try {
    const passwords = await addUsers(join(root, "data"), options.users);
    server = await startServer(root);
    const { endpoint, child } = server;
    console.error(`console ${endpoint.url} (pid ${String(child.pid)})`);

    const assessor = await signIn(endpoint, "assessor", passwords);
    sessions.push(assessor);
    const seed = await uploadAndFollow(assessor, corpusFiles(options.seedLines, "seed"), options.seedLines);
    console.error(`seed: ${runText(seed)}`);
    if (seed.snapshot.state !== "done" || seed.snapshot.assessmentId === undefined) {
      throw new Error(`the seed run ended ${seed.snapshot.state}: ${seed.snapshot.error ?? "no reason given"}`);
    }

    const runFiles = corpusFiles(options.runLines, "run");
    let baseline: MeasuredRun | undefined;
    if (options.baseline) {
      baseline = await uploadAndFollow(assessor, runFiles, options.runLines);
      console.error(`run without readers: ${runText(baseline)}`);
    }

    // Readers sign in last, so that their connections are not left idle
    // while the runs before the load go on.
    const readers: ConsoleSession[] = [];
    for (let i = 1; i <= options.users; i++) {
      const reader = await signIn(endpoint, `reader${i}`, passwords);
      sessions.push(reader);
      readers.push(reader);
    }

    const measured = await runLoad(options, { readers, assessor, seed, runFiles, serverPid: child.pid! });
    const report: LoadReport = { ...measured, seed, baseline, serverProblems: server.problems };
    console.log(formatReport(report));

    const errors = report.routes.reduce((sum, route) => sum + route.errors, 0);
    const runDone = !("error" in report.run) && report.run.snapshot.state === "done";
    return errors === 0 && runDone ? 0 : 1;
  } finally {
    for (const session of sessions) {
      session.close();
    }
    if (server !== undefined) {
      const code = await stopServer(server.child);
      if (code !== 0) {
        console.error(`infio serve stopped with ${code}`);
      }
    }
    rmSync(root, { recursive: true, force: true });
  }
}

process.exitCode = await main();
