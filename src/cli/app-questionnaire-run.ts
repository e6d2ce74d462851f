/** The actions of `infio app questionnaire`: see app-questionnaire.ts for the options. */

import type { QuestionnaireAnswers } from "../store/application-model.js";
import type { QuestionnaireOptions } from "./app-questionnaire.js";
import { auditedChange, noStoreYet, requireApplication, withAppSession, writeJson, type AppSession } from "./app-common.js";
import { answerText, questionnaireJson } from "./app-views.js";
import { auditedRead } from "./audit-trail.js";
import type { CliContext } from "./context.js";
import { EXIT_OK } from "./errors.js";
import { safeCell } from "./table.js";

export function runQuestionnaire(options: QuestionnaireOptions, ctx: CliContext): Promise<number> {
  return withAppSession(options, ctx, false, async (session) => {
    if (session === undefined) {
      throw noStoreYet("application", options.application, options.dataDir);
    }
    return options.verb === "set"
      ? setAnswers(session, options.application, options.changes)
      : showAnswers(session, options.application, options.json);
  });
}

async function setAnswers(
  session: AppSession,
  name: string,
  changes: Extract<QuestionnaireOptions, { verb: "set" }>["changes"],
): Promise<number> {
  const application = await requireApplication(session.model, name);
  const current = await session.model.questionnaires.get(application.key);
  const old: QuestionnaireAnswers = {
    thirdParty: current?.thirdParty,
    codeChangeable: current?.codeChangeable,
    notes: current?.notes,
  };
  const next: QuestionnaireAnswers = {
    thirdParty: changes.thirdParty === undefined ? old.thirdParty : (changes.thirdParty ?? undefined),
    codeChangeable: changes.codeChangeable === undefined ? old.codeChangeable : (changes.codeChangeable ?? undefined),
    notes: changes.notes === undefined ? old.notes : (changes.notes ?? undefined),
  };

  await auditedChange(
    session.setup,
    {
      action: "application.questionnaire.set",
      objects: { application: application.name },
      details: { old: answersJson(old) },
    },
    async () => {
      await session.model.questionnaires.set(application.key, next, session.change());
      return { result: undefined, details: { new: answersJson(next) } };
    },
  );
  session.setup.log.info(`saved the questionnaire of application '${application.name}'`);
  return EXIT_OK;
}

async function showAnswers(session: AppSession, name: string, json: boolean): Promise<number> {
  const { application, answers } = await auditedRead(
    session.setup.audit,
    { action: "application.questionnaire.show", objects: { application: name } },
    async () => {
      const application = await requireApplication(session.model, name);
      return { application, answers: await session.model.questionnaires.get(application.key) };
    },
  );

  if (json) {
    writeJson(session.ctx, { application: application.name, ...questionnaireJson(answers) });
    return EXIT_OK;
  }
  session.ctx.stdout.write(
    [
      `third-party or commercial product: ${answerText(answers?.thirdParty)}`,
      `code may be changed: ${answerText(answers?.codeChangeable)}`,
      `notes: ${answers?.notes === undefined ? "none" : safeCell(answers.notes)}`,
    ].join("\n") + "\n",
  );
  return EXIT_OK;
}

function answersJson(answers: QuestionnaireAnswers): { thirdParty: boolean | null; codeChangeable: boolean | null; notes: string | null } {
  return {
    thirdParty: answers.thirdParty ?? null,
    codeChangeable: answers.codeChangeable ?? null,
    notes: answers.notes ?? null,
  };
}
