import { Body1, Body1Strong, Caption1, Link, makeStyles, mergeClasses, Subtitle2, tokens } from "@fluentui/react-components";
import type { Problem, RunSummary } from "../run/runSummary";
import type { PaneStrings } from "../strings";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  table: {
    width: "100%",
    borderCollapse: "collapse",
    fontVariantNumeric: "tabular-nums",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    "& th": {
      fontWeight: tokens.fontWeightSemibold,
      color: tokens.colorNeutralForeground2,
      textAlign: "right",
      padding: `${tokens.spacingVerticalXXS} 0 ${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
    "& td": {
      textAlign: "right",
      padding: `${tokens.spacingVerticalXXS} 0 ${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
      whiteSpace: "nowrap",
    },
    "& th:first-child, & td:first-child": {
      textAlign: "left",
      paddingLeft: 0,
    },
  },
  overdue: {
    color: tokens.colorPaletteRedForeground1,
  },
  facts: {
    display: "grid",
    gridTemplateColumns: "1fr auto",
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    "& dt": { color: tokens.colorNeutralForeground2 },
    "& dd": { margin: 0, textAlign: "right", fontVariantNumeric: "tabular-nums", fontWeight: tokens.fontWeightSemibold },
  },
  problems: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  problem: {
    display: "grid",
    gridTemplateColumns: "8px minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "baseline",
  },
  dot: {
    width: "8px",
    height: "8px",
    borderRadius: tokens.borderRadiusCircular,
    alignSelf: "center",
  },
  error: { backgroundColor: tokens.colorPaletteRedBackground3 },
  warning: { backgroundColor: tokens.colorPaletteMarigoldBackground3 },
  problemText: {
    overflowWrap: "anywhere",
  },
  muted: {
    color: tokens.colorNeutralForeground3,
  },
  heading: {
    margin: 0,
  },
});

/** How many problems the pane lists; the issues sheet has them all. */
export const LISTED_PROBLEMS = 25;

export interface RunResultProps {
  readonly strings: PaneStrings;
  readonly locale: string;
  readonly summary: RunSummary;
  readonly onShowProblem: (problem: Problem) => void;
}

/** After a run: totals per currency, open items, accounts in collections, and the problems, each a link to its cell. */
export function RunResult({ strings, locale, summary, onShowProblem }: RunResultProps) {
  const styles = useStyles();
  const amount = (value: number, decimals: number) =>
    new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
  const count = (value: number) => new Intl.NumberFormat(locale).format(value);
  const listed = summary.problems.slice(0, LISTED_PROBLEMS);
  return (
    <section className={styles.root} aria-label={strings.resultHeading} data-testid="run-summary">
      <Subtitle2 as="h2" className={styles.heading}>
        {strings.resultHeading}
      </Subtitle2>
      <Body1>{strings.reportsWritten(summary.asOf, summary.sheets.length)}</Body1>
      {summary.totals.length === 0 ? (
        <Body1>{strings.noOpenItems}</Body1>
      ) : (
        <table className={styles.table} data-testid="totals">
          <thead>
            <tr>
              <th scope="col">{strings.currency}</th>
              <th scope="col">{strings.open}</th>
              <th scope="col">{strings.overdue}</th>
            </tr>
          </thead>
          <tbody>
            {summary.totals.map((total) => (
              <tr key={total.currency} data-currency={total.currency}>
                <td>{total.currency}</td>
                <td data-field="open">{amount(total.open, total.decimals)}</td>
                <td data-field="overdue" className={total.overdue > 0 ? styles.overdue : undefined}>
                  {amount(total.overdue, total.decimals)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <dl className={styles.facts}>
        <dt>{strings.openItems}</dt>
        <dd data-testid="open-items">{count(summary.openItems)}</dd>
        <dt>{strings.accountsInCollections}</dt>
        <dd data-testid="accounts-in-collections">{count(summary.accountsInCollections)}</dd>
      </dl>
      <Body1Strong as="h3" className={styles.heading}>
        {summary.problems.length === 0 ? strings.noProblems : strings.problemsFound(summary.problems.length)}
      </Body1Strong>
      {listed.length > 0 && (
        <ul className={styles.problems} data-testid="problems">
          {listed.map((problem, i) => (
            <li key={i} className={styles.problem}>
              <span className={mergeClasses(styles.dot, problem.severity === "error" ? styles.error : styles.warning)} aria-hidden />
              <Caption1 className={styles.problemText}>
                {problem.sheet === "" ? null : (
                  <>
                    <Link as="button" inline onClick={() => onShowProblem(problem)}>
                      {problem.cell === null ? problem.sheet : `${problem.sheet}!${problem.cell}`}
                    </Link>{" "}
                  </>
                )}
                {problem.message}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
      {summary.problems.length > listed.length && <Caption1 className={styles.muted}>{strings.moreProblems(summary.problems.length - listed.length)}</Caption1>}
    </section>
  );
}
