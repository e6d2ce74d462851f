/**
 * `infio app questionnaire set|show`: the discovery questionnaire of an
 * application. `set` changes only the answers given. The actions are in
 * app-questionnaire-run.ts.
 */

import { Command, Option } from "commander";

import { withExamples, type CommandHost } from "./command.js";
import { appStoreOptionsFrom, withStoreOptions, type AppStoreOptions, type RawAppCommon } from "./app-common.js";
import { runQuestionnaire } from "./app-questionnaire-run.js";
import { UsageError } from "./errors.js";

/** An answer to set: true, false, or null to mark it as not answered. */
export type AnswerChange = boolean | null;

export interface QuestionnaireChanges {
  readonly thirdParty?: AnswerChange;
  readonly codeChangeable?: AnswerChange;
  /** New notes, or null to remove them. */
  readonly notes?: string | null;
}

export type QuestionnaireOptions = AppStoreOptions &
  (
    | { readonly verb: "set"; readonly application: string; readonly changes: QuestionnaireChanges }
    | { readonly verb: "show"; readonly application: string; readonly json: boolean }
  );

export type QuestionnaireRun = (options: QuestionnaireOptions) => Promise<number>;

const ANSWERS = ["yes", "no", "unknown"];

/** Maximum length of the notes, in characters. */
const MAX_NOTES = 10_000;

interface RawSet extends RawAppCommon {
  thirdParty?: string;
  codeChangeable?: string;
  notes?: string;
  clearNotes?: boolean;
}

export function questionnaireCommand(
  host: CommandHost,
  run: QuestionnaireRun = (options) => runQuestionnaire(options, host.ctx),
): Command {
  const questionnaire = new Command("questionnaire").summary("answer and show an application's discovery questionnaire");
  const ctx = host.ctx;

  questionnaire.addCommand(
    withExamples(
      withStoreOptions(new Command("set"))
        .summary("answer questions; answers not given stay as they are")
        .argument("<application>", "application name")
        .addOption(
          new Option("--third-party <answer>", "is it a third-party or commercial product").choices(ANSWERS),
        )
        .addOption(
          new Option("--code-changeable <answer>", "may its code, and so its SQL, be changed").choices(ANSWERS),
        )
        .option("--notes <text>", "free-text notes, replacing the current ones")
        .option("--clear-notes", "remove the notes")
        .action(async (application: string, raw: RawSet) =>
          host.exit(
            await run({ ...appStoreOptionsFrom(raw, ctx), verb: "set", application, changes: questionnaireChangesFrom(raw) }),
          ),
        ),
      [
        "infio app questionnaire set Billing --third-party no --code-changeable yes",
        "infio app questionnaire set Billing --notes 'Month-end batch runs on sql01 only'",
      ],
    ),
  );

  questionnaire.addCommand(
    withStoreOptions(new Command("show"))
      .summary("show the answers")
      .argument("<application>", "application name")
      .option("--json", "print JSON instead of text")
      .action(async (application: string, raw: RawAppCommon & { json?: boolean }) =>
        host.exit(await run({ ...appStoreOptionsFrom(raw, ctx), verb: "show", application, json: raw.json === true })),
      ),
  );

  return questionnaire;
}

/** Turns the options of `set` into changes; throws UsageError when none or conflicting ones are given. */
export function questionnaireChangesFrom(raw: RawSet): QuestionnaireChanges {
  if (raw.notes !== undefined && raw.clearNotes === true) {
    throw new UsageError("--notes and --clear-notes contradict each other; pass one of them");
  }
  if (raw.notes !== undefined && [...raw.notes].length > MAX_NOTES) {
    throw new UsageError(`invalid --notes: ${[...raw.notes].length} characters; use at most ${MAX_NOTES}`);
  }

  const changes: QuestionnaireChanges = {
    ...(raw.thirdParty === undefined ? {} : { thirdParty: answerOf(raw.thirdParty) }),
    ...(raw.codeChangeable === undefined ? {} : { codeChangeable: answerOf(raw.codeChangeable) }),
    ...(raw.notes === undefined ? {} : { notes: raw.notes.trim() === "" ? null : raw.notes }),
    ...(raw.clearNotes === true ? { notes: null } : {}),
  };
  if (Object.keys(changes).length === 0) {
    throw new UsageError("nothing to set: pass --third-party, --code-changeable, --notes or --clear-notes");
  }
  return changes;
}

function answerOf(text: string): AnswerChange {
  return text === "unknown" ? null : text === "yes";
}
