import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import type { RunState } from "../run/runController";
import type { PaneStrings } from "../strings";

const useStyles = makeStyles({
  list: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    paddingLeft: tokens.spacingHorizontalL,
  },
});

export interface RunMessageProps {
  readonly strings: PaneStrings;
  readonly state: Extract<RunState, { phase: "failed" | "unusable" | "cancelled" }>;
  readonly onRetry: () => void;
}

/** How a run that produced no report ended: cancelled (the old report stands), failed in Excel, or unusable data. */
export function RunMessage({ strings, state, onRetry }: RunMessageProps) {
  const styles = useStyles();
  if (state.phase === "cancelled") {
    return (
      <MessageBar intent="info" layout="multiline" data-testid="run-cancelled">
        <MessageBarBody>{strings.cancelled}</MessageBarBody>
      </MessageBar>
    );
  }
  const retry = (
    <MessageBarActions>
      <Button size="small" onClick={onRetry}>
        {strings.retry}
      </Button>
    </MessageBarActions>
  );
  if (state.phase === "failed") {
    return (
      <MessageBar intent="error" layout="multiline" role="alert" data-testid="run-failed">
        <MessageBarBody>
          <MessageBarTitle>{strings.failedTitle}</MessageBarTitle> {strings.excelError(state.message, state.code)}
        </MessageBarBody>
        {retry}
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="warning" layout="multiline" role="alert" data-testid="run-unusable">
      <MessageBarBody>
        <MessageBarTitle>{strings.unusableTitle}</MessageBarTitle>
        <ul className={styles.list}>
          {state.problems.map((problem, i) => (
            <li key={i}>{problem.message}</li>
          ))}
        </ul>
      </MessageBarBody>
      {retry}
    </MessageBar>
  );
}
