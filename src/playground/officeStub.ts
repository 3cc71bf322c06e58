/**
 * Just enough of `Office` for the pane's entry code in a page that must not load office.js (the playground works
 * offline): `onReady` says Excel, `context` carries the display language and theme the page chose. Nothing reaches
 * Excel through it; the pane is given the in-memory Excel as its host.
 */
export interface OfficeStubOptions {
  readonly displayLanguage: string;
  readonly bodyBackgroundColor?: string;
}

export function installOfficeStub(options: OfficeStubOptions): void {
  const stub = {
    HostType: { Excel: "Excel" },
    onReady: () => Promise.resolve({ host: "Excel", platform: "OfficeOnline" }),
    context: {
      displayLanguage: options.displayLanguage,
      officeTheme: options.bodyBackgroundColor === undefined ? undefined : { bodyBackgroundColor: options.bodyBackgroundColor },
      requirements: { isSetSupported: (name: string, version?: string) => name === "ExcelApi" && Number(version ?? "1") <= 1.9 },
    },
  };
  (globalThis as unknown as { Office: unknown }).Office = stub;
}
