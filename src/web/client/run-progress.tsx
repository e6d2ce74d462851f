/**
 * The run-progress island: live progress of one assessment run, a cancel
 * button while it runs, and a link to the assessment once it is done.
 * Mounted on `<div data-island="run-progress" data-run-id="ID">`.
 */

import { render } from "preact";
import { useEffect, useState } from "preact/hooks";

import { cancelRun } from "./cancel-run";
import { requiredAttribute } from "./page-data";
import { isFinished, type RunSnapshot, type RunState } from "./run-snapshot";
import { subscribeToRun } from "./run-subscription";
import { formatCount, formatElapsed, visibleText } from "./text";

const STATE_LABELS: Readonly<Record<RunState, string>> = {
  queued: "Queued",
  running: "Running",
  done: "Done",
  failed: "Failed",
  cancelled: "Cancelled",
};

type CancelStep = "idle" | "sending" | "sent";

/** Replaces the element's server-rendered content with the live island. */
export function mountRunProgress(element: HTMLElement): void {
  const runId = requiredAttribute(element, "data-run-id");
  element.replaceChildren();
  render(<RunProgress runId={runId} />, element);
}

function RunProgress({ runId }: { runId: string }) {
  const [snapshot, setSnapshot] = useState<RunSnapshot>();
  const [problem, setProblem] = useState<string>();
  const [cancelStep, setCancelStep] = useState<CancelStep>("idle");
  const [cancelError, setCancelError] = useState<string>();

  useEffect(
    () =>
      subscribeToRun(runId, { onSnapshot: setSnapshot, onProblem: setProblem }),
    [runId],
  );

  const requestCancel = async (): Promise<void> => {
    setCancelStep("sending");
    setCancelError(undefined);

    try {
      await cancelRun(runId);
      setCancelStep("sent");
    } catch (error) {
      setCancelStep("idle");
      setCancelError(error instanceof Error ? error.message : String(error));
    }
  };

  if (snapshot === undefined) {
    return (
      <div class="run-progress">
        <p role="status">Connecting to the run…</p>
        {problem !== undefined && <p role="alert">{problem}</p>}
      </div>
    );
  }

  const finished = isFinished(snapshot.state);

  return (
    <div class="run-progress">
      <p class="run-progress-state" role="status">
        {stateLine(snapshot, cancelStep)}
      </p>
      <ProgressBar snapshot={snapshot} />
      <Counts snapshot={snapshot} />
      <Outcome snapshot={snapshot} />
      {!finished && (
        <button
          type="button"
          disabled={cancelStep !== "idle"}
          onClick={() => void requestCancel()}
        >
          {cancelStep === "idle" ? "Cancel run" : "Cancelling…"}
        </button>
      )}
      {cancelError !== undefined && <p role="alert">{cancelError}</p>}
      {problem !== undefined && <p role="alert">{problem}</p>}
    </div>
  );
}

function stateLine(snapshot: RunSnapshot, cancelStep: CancelStep): string {
  const label = STATE_LABELS[snapshot.state];
  const phase = snapshot.phase === "" ? "" : `: ${visibleText(snapshot.phase)}`;
  const waiting =
    cancelStep === "sent" && !isFinished(snapshot.state)
      ? " (cancel requested)"
      : "";

  return `${label}${phase}${waiting}`;
}

function ProgressBar({ snapshot }: { snapshot: RunSnapshot }) {
  const label = "Code units assessed";

  // A <progress> without a value is indeterminate: the run has not counted
  // its code units yet. Distinct keys make Preact create a new element
  // instead of removing the value attribute from the old one.
  if (snapshot.unitsTotal > 0) {
    const done = Math.min(snapshot.unitsDone, snapshot.unitsTotal);
    return (
      <progress key="counted" aria-label={label} max={snapshot.unitsTotal} value={done} />
    );
  }

  if (isFinished(snapshot.state)) {
    return <progress key="finished" aria-label={label} max={1} value={1} />;
  }

  return <progress key="waiting" aria-label={label} />;
}

function Counts({ snapshot }: { snapshot: RunSnapshot }) {
  let units = formatCount(snapshot.unitsDone);
  if (snapshot.unitsTotal > 0) {
    const percent = Math.floor((100 * snapshot.unitsDone) / snapshot.unitsTotal);
    units += ` of ${formatCount(snapshot.unitsTotal)} (${percent} %)`;
  }

  return (
    <dl class="run-progress-counts">
      <dt>Code units</dt>
      <dd>{units}</dd>
      <dt>Lines</dt>
      <dd>{formatCount(snapshot.lines)}</dd>
      <dt>Findings</dt>
      <dd>{formatCount(snapshot.findings)}</dd>
      <dt>Elapsed</dt>
      <dd>{formatElapsed(snapshot.elapsedMs)}</dd>
    </dl>
  );
}

function Outcome({ snapshot }: { snapshot: RunSnapshot }) {
  if (snapshot.state === "failed") {
    const reason = visibleText(snapshot.error ?? "the server gave no reason");
    return (
      <p class="run-progress-error" role="alert">
        The run failed: {reason}
      </p>
    );
  }

  if (snapshot.state !== "done") {
    return null;
  }

  if (snapshot.assessmentId === undefined) {
    return <p>The run is done, but the server sent no assessment id.</p>;
  }

  return (
    <p>
      <a href={`/assessments/${encodeURIComponent(snapshot.assessmentId)}`}>
        Open the assessment
      </a>
    </p>
  );
}
