import { Body1, Button, Caption1, Divider, makeStyles, MessageBar, MessageBarActions, MessageBarBody, Spinner, Subtitle2, Title3, tokens } from "@fluentui/react-components";
import { useCallback, useMemo, useState } from "react";
import type { ExcelHost } from "../excel";
import type { Clock } from "./clock";
import { useReceivablesRun, useWorkbookSources } from "./hooks";
import type { Problem } from "./run/runSummary";
import { initialRunOptions, parseAsOf, parseBuckets, settingsForRun, type RunOptionsForm } from "./runOptions";
import { selectCell as selectCellInExcel, type CellSelector } from "./selectCell";
import { paneLocale, paneStrings, type PaneLanguage } from "./strings";
import { RunMessage, RunOptionsFields, RunProgress, RunResult, SourcePicker } from "./ui";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    minHeight: "100vh",
    boxSizing: "border-box",
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  heading: {
    color: tokens.colorBrandForeground1,
    margin: 0,
  },
  muted: {
    color: tokens.colorNeutralForeground3,
  },
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  sectionHeading: {
    margin: 0,
  },
  generate: {
    width: "100%",
  },
  divider: {
    // Fluent's Divider grows to fill a flex container; in this column it would take the pane's spare height.
    flexGrow: 0,
  },
});

export interface AppProps {
  readonly language: PaneLanguage;
  readonly host: ExcelHost;
  readonly clock: Clock;
  /** How a problem's cell is shown; by default it is selected in the workbook through `host`. */
  readonly selectCell?: CellSelector;
}

/**
 * The task pane: the detected sources (with a way to correct them), the report options, "Generate reports" with its
 * progress, and what came of it. Behaviour comes from the hooks; Excel is reached only through `host`.
 */
export function App({ language, host, clock, selectCell }: AppProps) {
  const styles = useStyles();
  const strings = paneStrings[language];
  const locale = paneLocale(language);
  const sources = useWorkbookSources(host);
  const run = useReceivablesRun(host);
  const today = useMemo(() => clock.today(), [clock]);
  const [edited, setEdited] = useState<RunOptionsForm | null>(null);
  const [selectError, setSelectError] = useState<string | null>(null);

  const ready = sources.state.phase === "ready" ? sources.state : null;
  const form = edited ?? (ready === null ? null : initialRunOptions(ready.settings, today));
  const asOf = form === null ? undefined : parseAsOf(form.asOf);
  const ladder = form === null ? undefined : parseBuckets(form.buckets);
  const running = run.state.phase === "running";

  const generate = useCallback(() => {
    if (ready === null || form === null || asOf === undefined || ladder === undefined) return;
    const settings = settingsForRun(ready.settings, { asOf, basis: form.basis, ladder }, today, language);
    sources.controller.adopt(settings);
    setSelectError(null);
    void run.controller.start({ settings, sources: ready.preview.sources, asOf, language });
  }, [ready, form, asOf, ladder, today, language, sources.controller, run.controller]);

  const showProblem = useCallback(
    (problem: Problem) => {
      const select = selectCell ?? ((sheet: string, cell: string) => selectCellInExcel(host, sheet, cell));
      setSelectError(null);
      select(problem.sheet, problem.cell ?? "A1").catch((error: unknown) => setSelectError(error instanceof Error ? error.message : String(error)));
    },
    [host, selectCell],
  );

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Title3 as="h1" className={styles.heading}>
          {strings.title}
        </Title3>
        <Caption1 className={styles.muted}>{strings.summary}</Caption1>
      </header>

      {sources.state.phase === "loading" && <Spinner size="small" labelPosition="after" label={strings.loadingWorkbook} />}

      {sources.state.phase === "failed" && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            {strings.loadFailed} {sources.state.message}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => void sources.controller.load()}>
              {strings.reload}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}

      {ready !== null && form !== null && (
        <>
          <section className={styles.section} aria-labelledby="sources-heading">
            <Subtitle2 as="h2" id="sources-heading" className={styles.sectionHeading}>
              {strings.sourcesHeading}
            </Subtitle2>
            {ready.preview.sheets.length === 0 && <Body1>{strings.noSheets}</Body1>}
            <SourcePicker
              strings={strings}
              view={ready.preview.invoices}
              sheets={ready.preview.sheets}
              disabled={running}
              onSheet={(kind, sheet) => void sources.controller.chooseSheet(kind, sheet)}
              onColumn={(kind, field, header) => void sources.controller.chooseColumn(kind, field, header)}
              onDetectedColumns={(kind) => void sources.controller.useDetectedColumns(kind)}
            />
            <SourcePicker
              strings={strings}
              view={ready.preview.payments}
              sheets={ready.preview.sheets}
              disabled={running}
              onSheet={(kind, sheet) => void sources.controller.chooseSheet(kind, sheet)}
              onColumn={(kind, field, header) => void sources.controller.chooseColumn(kind, field, header)}
              onDetectedColumns={(kind) => void sources.controller.useDetectedColumns(kind)}
            />
            {ready.saveError !== null && (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>{strings.settingsNotSaved(ready.saveError)}</MessageBarBody>
              </MessageBar>
            )}
          </section>

          <Divider className={styles.divider} />

          <section className={styles.section} aria-labelledby="options-heading">
            <Subtitle2 as="h2" id="options-heading" className={styles.sectionHeading}>
              {strings.optionsHeading}
            </Subtitle2>
            <RunOptionsFields
              strings={strings}
              form={form}
              asOfValid={asOf !== undefined}
              bucketsValid={ladder !== undefined}
              disabled={running}
              onChange={setEdited}
            />
          </section>

          <Button appearance="primary" className={styles.generate} disabled={running || asOf === undefined || ladder === undefined} onClick={generate}>
            {strings.generate}
          </Button>

          {run.state.phase === "running" && (
            <RunProgress strings={strings} step={run.state.step} cancelling={run.state.cancelling} onCancel={run.controller.cancel} />
          )}
          {(run.state.phase === "failed" || run.state.phase === "unusable" || run.state.phase === "cancelled") && (
            <RunMessage strings={strings} state={run.state} onRetry={() => void run.controller.retry()} />
          )}
          {run.state.phase === "done" && (
            <>
              <Divider className={styles.divider} />
              <RunResult strings={strings} locale={locale} summary={run.state.summary} onShowProblem={showProblem} />
            </>
          )}
          {selectError !== null && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{strings.selectCellFailed(selectError)}</MessageBarBody>
            </MessageBar>
          )}
        </>
      )}
    </main>
  );
}
