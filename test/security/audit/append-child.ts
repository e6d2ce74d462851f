/**
 * Appends entries to an audit log from a separate process, for the
 * concurrency test: `node append-child.js LOG COUNT NAME`.
 */

import { FileAuditLog } from "../../../src/security/audit/file-log.js";

const [path, count, name] = process.argv.slice(2);
const log = new FileAuditLog(path!, { lockTimeoutMs: 60_000 });

for (let i = 0; i < Number(count); i++) {
  const appended = await log.append({
    actor: { kind: "process", name: name! },
    action: "test.appended",
    outcome: "succeeded",
    details: { index: i },
  });
  if (!appended.ok) {
    process.stdout.write(`error ${appended.error.message}\n`);
    process.exit(1);
  }
}
process.stdout.write("done\n");
