// Task pane entry: waits for Office, then renders the pane on Excel (officeExcelHost) in Office's language and theme.
import { officeExcelHost } from "../excel";
import { systemClock } from "./clock";
import { renderPane } from "./renderPane";

async function start(): Promise<void> {
  const container = document.getElementById("container");
  if (container === null) throw new Error("taskpane.html has no #container element");
  // Outside an Office host (the page opened in a browser), office.js resolves onReady with host null; the pane says
  // where to open it instead of failing on a missing `Excel`.
  const info = typeof Office === "undefined" ? null : await Office.onReady();
  const inExcel = info !== null && info.host === Office.HostType.Excel;
  renderPane(container, {
    host: inExcel ? officeExcelHost() : null,
    clock: systemClock,
    displayLanguage: inExcel ? Office.context.displayLanguage : navigator.language,
    themeBackground: inExcel ? Office.context.officeTheme?.bodyBackgroundColor : undefined,
  });
}

void start();
