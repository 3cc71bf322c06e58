import { makeStyles, mergeClasses, Tab, TabList, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useSyncExternalStore } from "react";
import { cellAddress, columnLetters } from "../excel/a1";
import { formatCell } from "./formatCell";
import type { PlaygroundHost } from "./playgroundHost";

/** Rows the grid draws at a time: enough to scroll a screen or two, few enough for a 20,000-row ledger. */
const WINDOW_ROWS = 200;
const MAX_COLUMNS = 40;

export interface CellMark {
  readonly sheet: string;
  /** 0-based. */
  readonly row: number;
  readonly column: number;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minHeight: 0,
    flexGrow: 1,
  },
  tabs: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowX: "auto",
    flexShrink: 0,
  },
  scroller: {
    overflow: "auto",
    flexGrow: 1,
    minHeight: 0,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  table: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    fontFamily: tokens.fontFamilyBase,
    fontVariantNumeric: "tabular-nums",
    "& td, & th": {
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      padding: `1px ${tokens.spacingHorizontalXS}`,
      whiteSpace: "nowrap",
      maxWidth: "260px",
      overflow: "hidden",
      textOverflow: "ellipsis",
      height: "20px",
    },
    "& th": {
      position: "sticky",
      top: 0,
      backgroundColor: tokens.colorNeutralBackground3,
      color: tokens.colorNeutralForeground2,
      fontWeight: tokens.fontWeightRegular,
      zIndex: 1,
    },
    "& th:first-child, & td:first-child": {
      position: "sticky",
      left: 0,
      backgroundColor: tokens.colorNeutralBackground3,
      color: tokens.colorNeutralForeground2,
      textAlign: "right",
      minWidth: "36px",
    },
    "& th:first-child": { zIndex: 2 },
  },
  number: { textAlign: "right" },
  selected: {
    outline: `2px solid ${tokens.colorBrandStroke1}`,
    outlineOffset: "-2px",
    backgroundColor: tokens.colorBrandBackground2,
  },
  note: {
    padding: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
});

export interface SheetViewProps {
  readonly host: PlaygroundHost;
  readonly mark: CellMark | null;
}

/**
 * The in-memory workbook as a grid: a tab per visible sheet (the active one is Excel's active sheet: the pane's
 * report activates its first sheet, a problem link its cell's sheet), values under their number formats.
 */
export function SheetView({ host, mark }: SheetViewProps) {
  const styles = useStyles();
  useSyncExternalStore(host.subscribe, host.getRevision);
  const { state } = host.excel;
  const visible = state.sheets.filter((sheet) => sheet.visibility === "Visible");
  const active = state.activeSheet ?? visible[0];
  const selected = useRef<HTMLTableCellElement>(null);

  const used = active?.usedRect() ?? null;
  const rowCount = used === null ? 0 : used.row + used.rows;
  const columnCount = used === null ? 0 : Math.min(used.column + used.columns, MAX_COLUMNS);
  const marked = mark !== null && active !== undefined && mark.sheet.toLowerCase() === active.name.toLowerCase() ? mark : null;
  const start = marked === null ? 0 : Math.max(0, Math.min(marked.row - 20, rowCount - WINDOW_ROWS));
  const end = Math.min(rowCount, start + WINDOW_ROWS);

  useEffect(() => {
    selected.current?.scrollIntoView({ block: "center", inline: "nearest" });
  }, [marked?.sheet, marked?.row, marked?.column]);

  return (
    <div className={styles.root}>
      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={active?.name ?? ""}
        onTabSelect={(_, data) => {
          const sheet = state.findSheet(String(data.value));
          if (sheet === undefined) return;
          state.activate(sheet); // as a click on a tab in Excel: no batch, no sync
          host.changed();
        }}
      >
        {visible.map((sheet) => (
          <Tab key={sheet.id} value={sheet.name} data-sheet-tab={sheet.name}>
            {sheet.name}
          </Tab>
        ))}
      </TabList>
      <div className={styles.scroller}>
        {active === undefined || used === null ? (
          <div className={styles.note}>—</div>
        ) : (
          <>
            {start > 0 && <div className={styles.note}>{`Rows 1–${start} not shown`}</div>}
            <table className={styles.table} data-sheet={active.name}>
              <thead>
                <tr>
                  <th />
                  {Array.from({ length: columnCount }, (_, c) => (
                    <th key={c}>{columnLetters(c)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {Array.from({ length: end - start }, (_, i) => {
                  const row = start + i;
                  return (
                    <tr key={row}>
                      <td>{row + 1}</td>
                      {Array.from({ length: columnCount }, (_, column) => {
                        const cell = active.cell(row, column);
                        const isMarked = marked !== null && marked.row === row && marked.column === column;
                        const text = formatCell(cell, active.numberFormat(row, column), state.date1904);
                        return (
                          <td
                            key={column}
                            ref={isMarked ? selected : undefined}
                            data-cell={cellAddress(row, column)}
                            aria-selected={isMarked || undefined}
                            title={text}
                            className={mergeClasses(typeof cell === "number" && styles.number, isMarked && styles.selected)}
                          >
                            {text}
                          </td>
                        );
                      })}
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {end < rowCount && <div className={styles.note}>{`Rows ${end + 1}–${rowCount} not shown`}</div>}
          </>
        )}
      </div>
    </div>
  );
}
