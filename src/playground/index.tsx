// src/playground: the real task pane beside a grid of an in-browser workbook (the sample, or an .xlsx picked from
// disk) held by the strict in-memory Excel (src/excel/testing) as the pane's ExcelHost. No office.js, no network:
// `Office` is a stub (officeStub.ts). Query: ?today=YYYY-MM-DD fixes the pane's clock, ?invoices=N&seed=S size
// the sample, ?lang=pl-PL is Office's display language, ?latency=300 makes every sync take 300 ms.
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot, type Root } from "react-dom/client";
import { dayFromIso } from "../engine/dates/civil";
import { parseRectAddress } from "../excel/a1";
import { SAMPLE_DEFAULT_INVOICES } from "../sample";
import type { DumpedSheet } from "../excel/testing";
import { fixedClock, systemClock, type Clock } from "../taskpane/clock";
import { renderPane } from "../taskpane/renderPane";
import { selectCell } from "../taskpane/selectCell";
import { loadXlsx } from "./loadXlsx";
import { installOfficeStub } from "./officeStub";
import { Playground, type PlaygroundView } from "./Playground";
import { PlaygroundHost } from "./playgroundHost";
import { sampleExcel } from "./sampleWorkbook";

/** What the browser tests read from the page: the workbook as the in-memory Excel holds it. */
export interface PlaygroundProbe {
  sheets(): Array<DumpedSheet & { visibility: string }>;
  syncCount(): number;
}

declare global {
  interface Window {
    receivablesPlayground?: PlaygroundProbe;
  }
}

const params = new URLSearchParams(window.location.search);
const today = dayFromIso(params.get("today") ?? "");
const clock: Clock = today === undefined ? systemClock : fixedClock(today);
const latencyMs = Math.max(0, Number(params.get("latency") ?? 0) || 0);
const sampleOptions = {
  ...(params.has("seed") ? { seed: Number(params.get("seed")) } : {}),
  ...(params.has("invoices") ? { invoices: Number(params.get("invoices")) } : {}),
};

function sampleHost(): PlaygroundHost {
  const excel = sampleExcel(sampleOptions);
  return new PlaygroundHost(excel, `Sample workbook (seed ${sampleOptions.seed ?? "default"}, ${sampleOptions.invoices ?? SAMPLE_DEFAULT_INVOICES} invoices)`, latencyMs);
}

let view: PlaygroundView = { host: sampleHost(), mark: null, language: params.get("lang") ?? "en-US", loading: null, error: null };
let paneRoot: Root | null = null;

const workbookRoot = createRoot(element("workbook"));

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`playground.html has no #${id}`);
  return found;
}

function update(next: Partial<PlaygroundView>): void {
  view = { ...view, ...next };
  workbookRoot.render(
    <FluentProvider theme={webLightTheme} style={{ height: "100%" }}>
      <Playground view={view} actions={{ loadSample, loadFile, setLanguage }} />
    </FluentProvider>,
  );
}

/** (Re)opens the pane on the current workbook, as Office does when a pane opens: a fresh pane, Office's language. */
function mountPane(): void {
  paneRoot?.unmount();
  installOfficeStub({ displayLanguage: view.language });
  const host = view.host;
  paneRoot = renderPane(element("pane"), {
    host,
    clock,
    displayLanguage: Office.context.displayLanguage,
    themeBackground: Office.context.officeTheme?.bodyBackgroundColor,
    selectCell: async (sheet, cell) => {
      await selectCell(host, sheet, cell);
      const rect = parseRectAddress(cell);
      if (rect !== undefined) update({ mark: { sheet, row: rect.row, column: rect.column } });
    },
  });
}

function open(host: PlaygroundHost): void {
  update({ host, mark: null, loading: null, error: null });
  mountPane();
}

function loadSample(): void {
  open(sampleHost());
}

function loadFile(file: File): void {
  update({ loading: `Opening ${file.name}…`, error: null });
  file
    .arrayBuffer()
    .then(loadXlsx)
    .then((excel) => open(new PlaygroundHost(excel, file.name, latencyMs)))
    .catch((error: unknown) => update({ loading: null, error: `${file.name} could not be opened: ${error instanceof Error ? error.message : String(error)}` }));
}

function setLanguage(language: string): void {
  update({ language });
  mountPane();
}

window.receivablesPlayground = {
  sheets: () =>
    view.host.excel.state.sheets.map((sheet) => ({ ...view.host.excel.dumpSheet(sheet.name), visibility: sheet.visibility })),
  syncCount: () => view.host.excel.syncCount,
};

update({});
mountPane();
