/** Starts child-store.js and waits for its first line of output. */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const CHILD = fileURLToPath(new URL("./child-store.js", import.meta.url));

export interface StoreChild {
  readonly process: ChildProcess;
  readonly pid: number;
  /** First line the child printed: `ready`, `written` or `error ...`. */
  readonly line: string;
  /** Kills the child with `signal` and waits for it to exit. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

export function startStoreChild(args: readonly string[]): Promise<StoreChild> {
  const child = spawn(process.execPath, [CHILD, ...args], {
    stdio: ["ignore", "pipe", "inherit"],
  });

  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`child store process printed nothing in 60 s: ${output}`));
    }, 60_000);

    child.once("error", reject);
    child.once("exit", (code) => {
      clearTimeout(timer);
      if (!output.includes("\n")) {
        reject(new Error(`child store process exited with ${code}: ${output}`));
      }
    });
    child.stdout!.setEncoding("utf8");
    child.stdout!.on("data", (data: string) => {
      output += data;
      if (!output.includes("\n")) {
        return;
      }

      clearTimeout(timer);
      resolve({
        process: child,
        pid: child.pid!,
        line: output.slice(0, output.indexOf("\n")),
        kill: (signal) =>
          new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null) {
              done();
              return;
            }
            child.once("exit", () => done());
            child.kill(signal);
          }),
      });
    });
  });
}
