/**
 * Reads a secret typed on the terminal without echoing it. The terminal is
 * put in raw mode, so this code handles Enter, Backspace, Ctrl+C and Ctrl+D
 * itself, and nothing typed is written back to the output.
 */

import { fail, ok, type Result } from "../errors.js";
import { Secret } from "./secret.js";

/** The parts of a tty.ReadStream that the prompt uses. */
export interface TerminalInput {
  readonly isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
  setEncoding(encoding: BufferEncoding): unknown;
  on(event: "data", listener: (data: string) => void): unknown;
  off(event: "data", listener: (data: string) => void): unknown;
  resume(): unknown;
  pause(): unknown;
}

export interface TerminalOutput {
  write(text: string): unknown;
}

export interface PromptOptions {
  readonly input: TerminalInput;
  readonly output: TerminalOutput;
  /** Text shown before the cursor, such as `Password for sa: `. */
  readonly message: string;
  /** Origin recorded in the Secret; defaults to "terminal prompt". */
  readonly origin?: string;
}

const CTRL_C = "\u0003";
const CTRL_D = "\u0004";
const BACKSPACE = "\b";
const DELETE = "\u007f";
const ESCAPE = "\u001b";

/** Prompts for a secret; fails when the input is not a terminal. */
export function promptSecret(options: PromptOptions): Promise<Result<Secret>> {
  const { input, output } = options;
  if (input.isTTY !== true || typeof input.setRawMode !== "function") {
    return Promise.resolve(
      fail(
        "no-terminal",
        "cannot prompt for the secret: standard input is not a terminal; " +
          "pass it as env:NAME or file:PATH instead",
      ),
    );
  }

  return new Promise((resolve) => {
    let typed = "";
    const finish = (result: Result<Secret>): void => {
      input.off("data", onData);
      input.setRawMode?.(false);
      input.pause();
      output.write("\n");
      resolve(result);
    };

    const onData = (data: string): void => {
      for (const character of data) {
        if (character === "\r" || character === "\n" || character === CTRL_D) {
          finish(ok(new Secret(typed, options.origin ?? "terminal prompt")));
          return;
        }
        if (character === CTRL_C) {
          finish(fail("prompt-cancelled", "the prompt for the secret was cancelled with Ctrl+C"));
          return;
        }
        if (character === ESCAPE) {
          // Arrow and function keys arrive as one escape sequence per chunk;
          // none belongs in a secret, so the rest of the chunk is dropped.
          return;
        }
        if (character === BACKSPACE || character === DELETE) {
          typed = Array.from(typed).slice(0, -1).join("");
          continue;
        }
        if (character >= " ") {
          typed += character;
        }
      }
    };

    // Echo must be off before the prompt shows, or keys typed right after
    // it would be echoed by the terminal.
    input.setEncoding("utf8");
    input.setRawMode?.(true);
    input.on("data", onData);
    input.resume();
    output.write(options.message);
  });
}
