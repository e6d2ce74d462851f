/** BACKUP and RESTORE with their devices, files and options. */

import type { Expression, VariableReference } from "../expressions.js";
import type { Identifier, Node, OptionNode } from "../node.js";

export type BackupRestoreStatement = BackupStatement | RestoreStatement;

/**
 * A backup device: `DISK = 'path'`, `TAPE = ...`, `URL = ...`, or a logical
 * device name (deviceType "LOGICAL").
 */
export interface BackupDevice extends Node {
  readonly kind: "BackupDevice";
  readonly deviceType: "DISK" | "TAPE" | "URL" | "LOGICAL";
  /** A string literal or a variable; an Identifier for a logical device. */
  readonly location: Expression | Identifier;
}

/** `FILE = name`, `FILEGROUP = name`, `PAGE = 'f:p'` or `READ_WRITE_FILEGROUPS`. */
export interface BackupFileSpec extends Node {
  readonly kind: "BackupFileSpec";
  readonly type: "FILE" | "FILEGROUP" | "PAGE" | "READ_WRITE_FILEGROUPS";
  readonly value?: Expression;
}

export interface BackupStatement extends Node {
  readonly kind: "BackupStatement";
  readonly target: "DATABASE" | "LOG";
  /** A database name, or a variable that contains it. */
  readonly database: Identifier | VariableReference;
  readonly files: readonly BackupFileSpec[];
  readonly devices: readonly BackupDevice[];
  /** One device list per MIRROR TO clause. */
  readonly mirrors: readonly (readonly BackupDevice[])[];
  /** WITH options by name; ENCRYPTION and COMPRESSION may have nested options. */
  readonly options: readonly OptionNode[];
}

/**
 * RESTORE of a database or log, or one of the RESTORE commands that read
 * backup media. `MOVE 'a' TO 'b'` is an option named MOVE whose value is a
 * list of the two.
 */
export interface RestoreStatement extends Node {
  readonly kind: "RestoreStatement";
  readonly target:
    | "DATABASE"
    | "LOG"
    | "FILELISTONLY"
    | "HEADERONLY"
    | "VERIFYONLY"
    | "LABELONLY"
    | "REWINDONLY";
  /** Absent for the media commands such as HEADERONLY. */
  readonly database?: Identifier | VariableReference;
  readonly files: readonly BackupFileSpec[];
  /** Empty for `RESTORE DATABASE d WITH RECOVERY`, which only recovers. */
  readonly devices: readonly BackupDevice[];
  /** The snapshot of `FROM DATABASE_SNAPSHOT = 's'`. */
  readonly fromSnapshot?: Expression;
  readonly options: readonly OptionNode[];
}
