import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { resolveDataDir } from "../../src/cli/data-dir.js";
import { barLine, createProgress, formatDuration, plainLine } from "../../src/cli/progress.js";
import { formatTable, safeCell } from "../../src/cli/table.js";
import { parseByteSize, parseFormats, parseInteger, parseVariable } from "../../src/cli/values.js";

describe("option values", () => {
  it("parses formats in a fixed order without repeats", () => {
    assert.deepEqual(parseFormats("sarif,JSON,json"), ["json", "sarif"]);
    assert.throws(() => parseFormats(","), /names no format/);
  });

  const sizes: [string, number][] = [
    ["1", 1],
    ["10b", 10],
    ["2K", 2048],
    ["1.5kb", 1536],
    ["50MB", 50 * 1024 * 1024],
    ["1g", 1024 ** 3],
    ["16MiB", 16 * 1024 * 1024],
    ["16 MiB", 16 * 1024 * 1024],
    ["16mib", 16 * 1024 * 1024],
    ["512 KiB", 512 * 1024],
    ["512 kB", 512 * 1024],
    ["2 GiB", 2 * 1024 ** 3],
    ["2 GB", 2 * 1024 ** 3],
    ["100 bytes", 100],
  ];
  for (const [text, bytes] of sizes) {
    it(`reads size '${text}' as ${bytes} bytes`, () => {
      assert.equal(parseByteSize("--max-file-size", text), bytes);
    });
  }
  it("rejects sizes it cannot read", () => {
    assert.throws(() => parseByteSize("--max-file-size", "5 TB"), /invalid --max-file-size '5 TB'/);
    assert.throws(() => parseByteSize("--max-file-size", "0"), /at least 1 byte/);
    assert.throws(() => parseByteSize("--max-file-size", "16 MiBs"), /KiB, MiB or GiB/);
    assert.throws(() => parseByteSize("--max-file-size", "16 Mi"), /invalid --max-file-size '16 Mi'/);
  });

  it("reads whole numbers only", () => {
    assert.equal(parseInteger("--jobs", "4", 1), 4);
    assert.throws(() => parseInteger("--jobs", "1.5", 1), /invalid --jobs '1.5'/);
  });

  it("keeps '=' inside a variable's value", () => {
    assert.deepEqual(parseVariable("Conn=a=b", {}), { Conn: "a=b" });
    assert.throws(() => parseVariable("=x", {}), /invalid --var '=x'/);
  });
});

describe("data directory", () => {
  const base = { env: {}, homedir: "/home/dba", cwd: "/work" };
  const cases: [name: string, inputs: Parameters<typeof resolveDataDir>[0], expected: string][] = [
    ["defaults to ~/.infio", { ...base, platform: "linux" }, "/home/dba/.infio"],
    ["takes INFIO_HOME", { ...base, env: { INFIO_HOME: "state" }, platform: "linux" }, "/work/state"],
    ["prefers the flag", { ...base, flag: "/x", env: { INFIO_HOME: "/y" }, platform: "linux" }, "/x"],
    [
      "uses LOCALAPPDATA on Windows",
      { env: { LOCALAPPDATA: "C:\\Users\\dba\\AppData\\Local" }, homedir: "C:\\Users\\dba", cwd: "C:\\", platform: "win32" },
      "C:\\Users\\dba\\AppData\\Local\\infio",
    ],
    ["falls back to the home folder on Windows", { env: {}, homedir: "C:\\Users\\dba", cwd: "C:\\", platform: "win32" }, "C:\\Users\\dba\\.infio"],
  ];
  for (const [name, inputs, expected] of cases) {
    it(name, () => assert.equal(resolveDataDir(inputs), expected));
  }
});

describe("progress text", () => {
  const progress = { files: 30, bytes: 500, lines: 1234, totals: { files: 100, bytes: 1000 } };

  it("draws a bar with the share of bytes and the time left", () => {
    assert.equal(
      barLine(progress, 10_000),
      "[############------------]   50%  30/100 files  1,234 lines  0.0 MB/s  ETA 0:10",
    );
  });

  it("writes a plain line without totals and without an estimate", () => {
    assert.equal(plainLine({ files: 3, bytes: 10, lines: 7 }, 1000), "assessed 3 files, 7 lines");
    assert.equal(plainLine(progress, 4000), "assessed 30/100 files (50%), 1,234 lines, about 0:04 left");
  });

  it("redraws one line in place on a terminal", () => {
    const written: string[] = [];
    let now = 0;
    const display = createProgress({ write: (t: string) => written.push(t), isTTY: true, columns: 200 }, { quiet: false, clock: () => now });
    now = 1000;
    display.update(progress);
    now = 1050;
    display.update(progress);
    assert.equal(written.length, 1, "a second update within 100 ms is not drawn");
    assert.match(written[0]!, /^\r\x1b\[2K\[#+-+\] +50%/);
    display.stop();
    assert.equal(written.at(-1), "\r\x1b[2K");
  });

  it("writes plain lines every two seconds elsewhere", () => {
    const written: string[] = [];
    let now = 0;
    const display = createProgress({ write: (t: string) => written.push(t), isTTY: false }, { quiet: false, clock: () => now });
    for (now = 500; now <= 5000; now += 500) {
      display.update(progress);
    }
    assert.equal(written.length, 2);
    assert.match(written[0]!, /Z info {2}assessed 30\/100 files \(50%\)/);
    assert.doesNotMatch(written.join(""), /\r/);
  });

  it("writes nothing with quiet", () => {
    const written: string[] = [];
    const display = createProgress({ write: (t: string) => written.push(t), isTTY: true }, { quiet: true });
    display.update(progress);
    display.stop();
    assert.deepEqual(written, []);
  });

  it("formats durations", () => {
    assert.equal(formatDuration(7_400), "0:07");
    assert.equal(formatDuration(750_000), "12:30");
    assert.equal(formatDuration(3_723_000), "1:02:03");
  });
});

describe("terminal tables", () => {
  it("neutralises escape sequences and bidirectional overrides from the code", () => {
    assert.equal(safeCell("a\u001b[31mb\u202ec"), "a\\x1b[31mb\\u202ec");
  });

  it("aligns columns and clips long cells", () => {
    const text = formatTable(["A", "B"], [["xx", "y".repeat(10)]], 5);
    assert.equal(text, "A   B\nxx  yyyy…\n");
  });
});
