import { Button, Caption1, makeStyles, Select, Subtitle2, tokens } from "@fluentui/react-components";
import { useRef, useSyncExternalStore } from "react";
import type { PlaygroundHost } from "./playgroundHost";
import { SheetView, type CellMark } from "./SheetView";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    height: "100%",
    minWidth: 0,
  },
  toolbar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  title: {
    marginRight: "auto",
    display: "flex",
    flexDirection: "column",
    "& > *": { margin: 0 },
  },
  muted: { color: tokens.colorNeutralForeground3 },
  hidden: { display: "none" },
});

/** What the page around the grid can do; index.tsx implements it. */
export interface PlaygroundActions {
  readonly loadSample: () => void;
  readonly loadFile: (file: File) => void;
  readonly setLanguage: (language: string) => void;
}

export interface PlaygroundView {
  readonly host: PlaygroundHost;
  readonly mark: CellMark | null;
  readonly language: string;
  readonly loading: string | null;
  readonly error: string | null;
}

export interface PlaygroundProps {
  readonly view: PlaygroundView;
  readonly actions: PlaygroundActions;
}

/** The workbook side of the playground: what is loaded, a way to load another, and the grid. */
export function Playground({ view, actions }: PlaygroundProps) {
  const styles = useStyles();
  const file = useRef<HTMLInputElement>(null);
  const { host } = view;
  useSyncExternalStore(host.subscribe, host.getRevision);
  return (
    <div className={styles.root}>
      <div className={styles.toolbar}>
        <div className={styles.title}>
          <Subtitle2 as="h1">Receivables Desk playground</Subtitle2>
          <Caption1 as="p" className={styles.muted} data-testid="workbook-title">
            {view.loading ?? view.error ?? `${host.title} · in-memory Excel · ${host.excel.syncCount} syncs`}
          </Caption1>
        </div>
        <Button size="small" onClick={actions.loadSample}>
          Sample workbook
        </Button>
        <Button size="small" onClick={() => file.current?.click()}>
          Open .xlsx…
        </Button>
        <input
          ref={file}
          className={styles.hidden}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          data-testid="file-input"
          onChange={(event) => {
            const picked = event.target.files?.[0];
            if (picked !== undefined) actions.loadFile(picked);
            event.target.value = "";
          }}
        />
        <Select size="small" aria-label="Office display language" value={view.language} onChange={(_, data) => actions.setLanguage(data.value)}>
          <option value="en-US">English (en-US)</option>
          <option value="pl-PL">Polski (pl-PL)</option>
        </Select>
        <Button size="small" appearance="subtle" onClick={() => host.failNextSync()} title="The next context.sync() fails as a lost connection would">
          Fail next sync
        </Button>
      </div>
      <SheetView host={host} mark={view.mark} />
    </div>
  );
}
