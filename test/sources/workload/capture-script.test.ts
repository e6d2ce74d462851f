import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { captureScript, type CaptureScriptOptions } from "../../../src/sources/workload/capture-script.js";
import { lex } from "../../../src/tsql/lexer/lexer.js";
import { TokenKind } from "../../../src/tsql/lexer/token.js";

const EVENT_FILE: CaptureScriptOptions = { target: "event-file", maxSizeMb: 1024 };

/** Returns the script without its comments, to check the statements alone. */
function statementsOf(script: string): string {
  return lex(script)
    .tokens.filter((t) => t.kind !== TokenKind.LineComment && t.kind !== TokenKind.BlockComment)
    .map((t) => t.text)
    .join("");
}

describe("captureScript", () => {
  it("creates, starts, exports, stops and drops the session in order", () => {
    const script = statementsOf(captureScript(EVENT_FILE));
    const steps = [
      "CREATE EVENT SESSION [infio_workload] ON SERVER",
      "ADD EVENT sqlserver.sql_batch_completed",
      "ADD EVENT sqlserver.rpc_completed",
      "ADD TARGET package0.event_file",
      "ALTER EVENT SESSION [infio_workload] ON SERVER STATE = START;",
      "FROM sys.fn_xe_file_target_read_file(N'infio_workload*.xel', NULL, NULL, NULL);",
      "ALTER EVENT SESSION [infio_workload] ON SERVER STATE = STOP;",
      "DROP EVENT SESSION [infio_workload] ON SERVER;",
    ];
    let from = 0;
    for (const step of steps) {
      const at = script.indexOf(step, from);
      assert.ok(at >= 0, `missing or out of order: ${step}`);
      from = at + step.length;
    }
    assert.doesNotMatch(script, /WAITFOR/);
    assert.doesNotMatch(script, /client_hostname/);
  });

  it("names the permissions and the overhead in its comments", () => {
    const script = captureScript(EVENT_FILE);
    assert.match(script, /-- Permissions: ALTER ANY EVENT SESSION/);
    assert.match(script, /VIEW SERVER STATE/);
    assert.match(script, /-- Overhead: two events/);
    assert.match(script, /sqlcmd -S SERVER -E -u -y 0 -h -1 -W -o workload\.xml/);
  });

  it("splits the disk budget over four rollover files", () => {
    const script = captureScript({ ...EVENT_FILE, folder: "D:\\XE\\", maxSizeMb: 2048 });
    assert.match(script, /SET filename = N'D:\\XE\\infio_workload\.xel',\n\s+max_file_size = \(512\),\n\s+max_rollover_files = \(4\)\)/);
  });

  it("uses forward slashes for a Linux folder", () => {
    const script = captureScript({ ...EVENT_FILE, folder: "/var/opt/mssql/xe/" });
    assert.match(script, /N'\/var\/opt\/mssql\/xe\/infio_workload\.xel'/);
  });

  it("filters on databases and applications, quoted as literals", () => {
    const script = captureScript({ ...EVENT_FILE, databases: ["Sales", "Bill'ing", "Sales"], applications: ["O'Brien App"] });
    const filter =
      "([sqlserver].[equal_i_sql_unicode_string]([sqlserver].[database_name], N'Sales') OR " +
      "[sqlserver].[equal_i_sql_unicode_string]([sqlserver].[database_name], N'Bill''ing'))";
    assert.equal(script.split(filter).length - 1, 2, "both events carry the database filter");
    assert.match(script, /\[client_app_name\], N'O''Brien App'\)/);
  });

  it("reads a ring buffer before stopping, which empties it", () => {
    const script = statementsOf(captureScript({ target: "ring-buffer", maxSizeMb: 2 }));
    assert.match(script, /ADD TARGET package0\.ring_buffer \(SET max_memory = \(2048\)\)/);
    const read = script.indexOf("FROM sys.dm_xe_session_targets");
    const stop = script.indexOf("STATE = STOP");
    assert.ok(read > 0, "no read of the ring buffer");
    assert.ok(read < stop, "the ring buffer is read after STOP");
  });

  it("warns of truncation for a ring buffer over 2 MB", () => {
    assert.match(captureScript({ target: "ring-buffer", maxSizeMb: 8 }), /may return truncated XML/);
    assert.doesNotMatch(captureScript({ target: "ring-buffer", maxSizeMb: 2 }), /truncated XML/);
  });

  it("waits for --duration between START and the export", () => {
    const script = statementsOf(captureScript({ ...EVENT_FILE, durationMinutes: 90 }));
    const start = script.indexOf("STATE = START");
    const wait = script.indexOf("WAITFOR DELAY '01:30:00';");
    assert.ok(start > 0, "no START");
    assert.ok(wait > start, "no WAITFOR after START");
    assert.match(captureScript({ ...EVENT_FILE, durationMinutes: 1439 }), /WAITFOR DELAY '23:59:00'/);
  });

  const invalid: [name: string, options: CaptureScriptOptions, message: RegExp][] = [
    ["a too small file budget", { ...EVENT_FILE, maxSizeMb: 3 }, /invalid --max-size 3: give a whole number of MB from 4 to/],
    ["a too large ring buffer", { target: "ring-buffer", maxSizeMb: 65 }, /invalid --max-size 65: .* from 1 to 64/],
    ["a duration of a day", { ...EVENT_FILE, durationMinutes: 1440 }, /invalid --duration 1440: .* from 1 to 1439/],
    ["a folder for a ring buffer", { target: "ring-buffer", maxSizeMb: 2, folder: "D:\\XE" }, /--path applies to --target event-file only/],
    ["a folder with a quote", { ...EVENT_FILE, folder: "D:\\x'; DROP" }, /invalid --path .* without quotes/],
    ["a folder with a line break", { ...EVENT_FILE, folder: "D:\\x\nGO" }, /invalid --path/],
    ["a database with a line break", { ...EVENT_FILE, databases: ["Sales\nGO"] }, /invalid database name .*control character/],
    ["an empty application", { ...EVENT_FILE, applications: [" "] }, /invalid --app " "/],
    ["an application with an invisible character", { ...EVENT_FILE, applications: ["App\u202E"] }, /control or invisible character/],
    [
      "a filter over 3,000 characters",
      { ...EVENT_FILE, databases: Array.from({ length: 40 }, (_, i) => `Database_${i}`) },
      /over the 3000 SQL Server accepts/,
    ],
  ];
  for (const [name, options, message] of invalid) {
    it(`rejects ${name}`, () => {
      assert.throws(() => captureScript(options), (error: unknown) => {
        assert.ok(error instanceof RangeError);
        assert.match(error.message, message);
        return true;
      });
    });
  }
});
