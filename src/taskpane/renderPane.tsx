import { Body1, FluentProvider, makeStyles, tokens } from "@fluentui/react-components";
import { createRoot, type Root } from "react-dom/client";
import type { ExcelHost } from "../excel";
import { App } from "./App";
import type { Clock } from "./clock";
import type { CellSelector } from "./selectCell";
import { paneLanguage, paneStrings } from "./strings";
import { isDarkBackground, paneTheme } from "./theme";

export interface PaneEnvironment {
  /** Where Excel is: Office's Excel in the add-in, the in-memory Excel in the playground; null outside Excel. */
  readonly host: ExcelHost | null;
  readonly clock: Clock;
  /** `Office.context.displayLanguage`, e.g. "pl-PL". */
  readonly displayLanguage: string | undefined;
  /** `Office.context.officeTheme.bodyBackgroundColor`, when Office has a theme. */
  readonly themeBackground?: string | undefined;
  readonly selectCell?: CellSelector;
}

/**
 * Renders the pane into `container`, inside Fluent's provider with the theme and language Office asks for. Returns
 * the React root (the playground unmounts it to open the pane on another workbook).
 */
export function renderPane(container: HTMLElement, environment: PaneEnvironment): Root {
  const language = paneLanguage(environment.displayLanguage);
  document.documentElement.lang = language;
  const { host, clock, selectCell } = environment;
  const root = createRoot(container);
  root.render(
    <FluentProvider theme={paneTheme(isDarkBackground(environment.themeBackground))}>
      {host === null ? (
        <OutsideExcel text={paneStrings[language].outsideExcel} />
      ) : (
        <App language={language} host={host} clock={clock} {...(selectCell !== undefined ? { selectCell } : {})} />
      )}
    </FluentProvider>,
  );
  return root;
}

const useOutsideStyles = makeStyles({
  root: { display: "block", padding: tokens.spacingHorizontalL },
});

/** What the page says when it is opened outside Excel. */
function OutsideExcel({ text }: { readonly text: string }) {
  return (
    <Body1 as="p" className={useOutsideStyles().root}>
      {text}
    </Body1>
  );
}
