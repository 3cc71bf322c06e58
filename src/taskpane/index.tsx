// Task pane entry: waits for Office, picks the language, renders <App/> inside Fluent's provider.
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { paneLanguage, paneStrings } from "./strings";

/** Office's display language, or the browser's when the page is opened outside Office (office.js absent). */
async function displayLanguage(): Promise<string | undefined> {
  if (typeof Office === "undefined") return navigator.language;
  await Office.onReady();
  // Outside an Office host, office.js still resolves onReady, but with no context to speak of.
  return Office.context?.displayLanguage ?? navigator.language;
}

async function start(): Promise<void> {
  const container = document.getElementById("container");
  if (container === null) throw new Error("taskpane.html has no #container element");
  const language = paneLanguage(await displayLanguage());
  document.documentElement.lang = language;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App strings={paneStrings[language]} />
    </FluentProvider>,
  );
}

void start();
