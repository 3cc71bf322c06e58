import { Button, Caption1, Caption1Strong, makeStyles, mergeClasses, ProgressBar, Spinner, tokens } from "@fluentui/react-components";
import { RUN_STEPS, type RunStep } from "../run/runSteps";
import type { PaneStrings } from "../strings";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  steps: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  step: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground3,
  },
  current: {
    color: tokens.colorNeutralForeground1,
  },
  done: {
    color: tokens.colorNeutralForeground2,
  },
  marker: {
    width: "16px",
    height: "16px",
    display: "inline-flex",
    alignItems: "center",
    justifyContent: "center",
    flexShrink: 0,
  },
  pending: {
    width: "8px",
    height: "8px",
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  check: {
    color: tokens.colorPaletteGreenForeground1,
    fontSize: tokens.fontSizeBase300,
  },
  cancel: {
    alignSelf: "flex-start",
  },
});

export interface RunProgressProps {
  readonly strings: PaneStrings;
  readonly step: RunStep;
  readonly cancelling: boolean;
  readonly onCancel: () => void;
}

/** The running run: a bar, the named steps (done, current, to come) and Cancel. */
export function RunProgress({ strings, step, cancelling, onCancel }: RunProgressProps) {
  const styles = useStyles();
  const current = RUN_STEPS.indexOf(step);
  const label = strings.stepOf(current + 1, RUN_STEPS.length, strings.steps[step]);
  return (
    <section className={styles.root} aria-label={strings.progressLabel} aria-live="polite" data-testid="run-progress">
      <ProgressBar value={current / RUN_STEPS.length} thickness="large" aria-label={label} />
      <Caption1>{label}</Caption1>
      <ol className={styles.steps}>
        {RUN_STEPS.map((name, i) => (
          <li key={name} className={mergeClasses(styles.step, i < current && styles.done, i === current && styles.current)}>
            <span className={styles.marker} aria-hidden>
              {i < current ? <span className={styles.check}>✓</span> : i === current ? <Spinner size="extra-tiny" /> : <span className={styles.pending} />}
            </span>
            {i === current ? <Caption1Strong>{strings.steps[name]}</Caption1Strong> : <Caption1>{strings.steps[name]}</Caption1>}
          </li>
        ))}
      </ol>
      <Button className={styles.cancel} size="small" disabled={cancelling} onClick={onCancel}>
        {cancelling ? strings.cancelling : strings.cancel}
      </Button>
    </section>
  );
}
