import { makeStyles, Text, Title2, tokens } from "@fluentui/react-components";
import type { PaneStrings } from "./strings";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  heading: {
    color: tokens.colorBrandForeground1,
  },
});

export interface AppProps {
  readonly strings: PaneStrings;
}

/** The task pane: for now a heading and one sentence on what the add-in does. */
export function App({ strings }: AppProps) {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Title2 as="h1" className={styles.heading}>
        {strings.title}
      </Title2>
      <Text as="p">{strings.summary}</Text>
    </main>
  );
}
