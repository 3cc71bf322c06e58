import dns from "node:dns";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import tls from "node:tls";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { passesLuhn } from "../../src/engine/privacy/maskCardNumbers";
import type { DumpedSheet } from "../../src/excel/testing";
import { addSheet, csv, d, xlsx, type CorpusCase } from "./corpusCase";
import { inputWorkbookData, runCorpusCli, runCorpusFake, sheetsWithFormulas, writeInputs, xlsxTexts } from "./runCorpusCase";

/**
 * Hostile input through both renderers: formula-injection strings must stay text in the .xlsx writer and in the
 * (strict, formula-recording) in-memory Excel; payment-card numbers must be masked in every output.
 */

const INJECTIONS = [
  "=1+1", "+1+1", "-2+3", "@SUM(A1)", "=cmd|' /C calc'!A0", "=HYPERLINK(\"http://evil.example\",\"Click\")",
  "+cmd|' /C notepad'!A0", "@cmd|'/c calc'!A0", "=DDE(\"cmd\";\"/C calc\";\"__DdeLink_60_870516294\")", "-1+1|cmd",
  // Prefixes Excel skips before a formula sign, and text that Excel would turn into a number or boolean.
  "\t=1+1 tab", "\r=1+1 cr", "\n=1+1 lf", " =1+1 space", "00123", "TRUE", "1e5",
];

/** The text each injection string keeps once the engine has folded its spaces (cellText). */
const folded = (text: string) => text.replace(/\s+/g, " ").trim();

const CARDS = [
  "4111 1111 1111 1111", // Visa, spaced
  "4111-1111-1111-1111", // dashes
  "378282246310005", // Amex, 15 digits
  "4222222222222", // 13 digits
  "6011000990139424", // Discover, plain
  "6304000000000000018", // 19 digits
  "3566 0020 2036 0505", // JCB
];
const digitsOf = (text: string) => text.replace(/[ -]/g, "");

describe("security of the outputs on hostile input", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "rd-corpus-security-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** Every string cell of a dumped workbook, and every formula cell. */
  function dumpedTexts(sheets: readonly DumpedSheet[]): { texts: Set<string>; formulas: string[] } {
    const texts = new Set<string>();
    const formulas: string[] = [];
    for (const sheet of sheets) {
      for (const row of sheet.rows) {
        for (const cell of row) {
          if (typeof cell === "string") texts.add(cell);
          else if (cell !== null && typeof cell === "object" && "formula" in cell) formulas.push(`${sheet.name}: ${cell.formula}`);
        }
      }
    }
    return { texts, formulas };
  }

  describe("formula injection", () => {
    const hostile: CorpusCase = {
      name: "formula-injection",
      input: "Injection strings as customers, invoice numbers, payment titles, currencies and a sheet name.",
      behaviour: "Written as text everywhere.",
      inputs: [
        xlsx("hostile.xlsx", (workbook) => {
          addSheet(workbook, "Invoices", [
            ["Invoice No", "Customer", "Invoice Date", "Due Date", "Amount", "Currency", "Notes"],
            ...INJECTIONS.map((text, i) => [`${text} #${i}`, text, d("2025-03-01"), d("2025-03-31"), 100 + i, "EUR", text]),
            ["BAD/1", "Alfa", "=1+1", d("2025-03-31"), 10, "EUR"],
            ["BAD/2", "Alfa", d("2025-03-01"), d("2025-03-31"), "=SUM(A1:A9)", "=cmd|' /C calc'!A0"],
          ]);
          addSheet(workbook, "=1+1 payments", [
            ["Payment Date", "Customer", "Amount", "Currency", "Reference"],
            ...INJECTIONS.map((text) => [d("2025-04-01"), text, 1, "EUR", text]),
            // An issue on this sheet puts its name alone in a cell of the issues sheet.
            ["someday", "Alfa", 1, "EUR", "x"],
          ]);
        }),
      ],
      expected: { issues: [] },
    };

    let cli: Awaited<ReturnType<typeof runCorpusCli>>;
    let fakeSheets: readonly DumpedSheet[];
    let reportSheetNames: string[];
    beforeAll(async () => {
      const caseDir = await mkdtemp(join(dir, "injection-"));
      const inputs = await writeInputs(hostile, caseDir);
      cli = await runCorpusCli(hostile, inputs, caseDir);
      const fake = await runCorpusFake(hostile, await inputWorkbookData(inputs));
      // Only the sheets the report added: the source sheets hold the hostile strings as the user typed them.
      fakeSheets = fake.excel.dumpWorkbook().slice(fake.before.length);
      reportSheetNames = fakeSheets.map((sheet) => sheet.name);
    }, 60_000);

    it("the .xlsx writer: no <f> in any sheet, every hostile string a text cell as it was", async () => {
      expect(cli.code).toBe(0);
      expect(await sheetsWithFormulas(cli.reportPath)).toEqual([]);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(cli.reportPath);
      const texts = new Set<string>();
      workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => {
        expect(cell.formula).toBeFalsy();
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value === "string") texts.add(cell.value);
      })));
      for (const text of INJECTIONS) expect(texts).toContain(folded(text));
      expect(texts).toContain("=1+1 payments");
    });

    it("the in-memory Excel: the report's cells are text, never formulas, numbers or booleans made of text", () => {
      expect(reportSheetNames.length).toBeGreaterThan(3);
      const { texts, formulas } = dumpedTexts(fakeSheets);
      expect(formulas).toEqual([]);
      for (const text of INJECTIONS) expect(texts).toContain(folded(text));
      expect(texts).toContain("=1+1 payments");
    });

    it("messages quote hostile cells as text too", () => {
      const messages = cli.json!.issues.map((issue) => issue.message);
      expect(messages).toContain('"=1+1" is not a date; row left out');
      expect(messages).toContain('"=SUM(A1:A9)" is not an amount; row left out');
      // A message never starts with a formula sign, whatever the cell held.
      for (const message of messages) expect(message).not.toMatch(/^[=+\-@\t\r]/);
    });
  });

  describe("card numbers", () => {
    const cardCase: CorpusCase = {
      name: "card-numbers",
      input: "Card numbers in every kind of column.",
      behaviour: "Masked to the last four digits everywhere.",
      inputs: [
        xlsx("cards.xlsx", (workbook) => {
          addSheet(workbook, "Invoices", [
            ["Invoice No", "Customer", "Customer ID", "Invoice Date", "Due Date", "Amount", "Email", "Phone", "Notes"],
            ...CARDS.map((card, i) => [`INV-${card}`, `Card holder ${card}`, `ID ${card}`, d("2025-03-01"), d("2025-03-31"), 100 + i, `${digitsOf(card)}@example.com`, card, `unmapped ${card}`]),
            // Card numbers where a date and an amount belong: quoted in the messages, masked.
            ["BAD/1", "Alfa", null, CARDS[0], d("2025-03-31"), 10, null, null, null],
            ["BAD/2", "Alfa", null, d("2025-03-01"), d("2025-03-31"), CARDS[1], null, null, null],
            ["BAD/3", "Alfa", null, d("2025-03-01"), d("2025-03-31"), Number(digitsOf(CARDS[4]!)), null, null, null],
            ["BAD/4", "Alfa", null, d("2025-03-01"), d("2025-03-31"), 10, null, null, null],
          ]);
          addSheet(workbook, "Payments", [
            ["Payment Date", "Customer", "Amount", "Reference", "Payment ID"],
            ...CARDS.map((card) => [d("2025-04-01"), `Payer ${card}`, 1, `Paid by card ${card} thanks`, `TX ${card}`]),
            [d("2025-04-02"), "Alfa", 1, { richText: [{ text: "card " }, { text: CARDS[2]! }] }, null],
          ]);
        }),
      ],
      expected: { issues: [] },
    };

    let cli: Awaited<ReturnType<typeof runCorpusCli>>;
    let fakeSheets: readonly DumpedSheet[];
    let fakeJson: string;
    beforeAll(async () => {
      const caseDir = await mkdtemp(join(dir, "cards-"));
      const inputs = await writeInputs(cardCase, caseDir);
      cli = await runCorpusCli(cardCase, inputs, caseDir);
      const fake = await runCorpusFake(cardCase, await inputWorkbookData(inputs));
      fakeSheets = fake.excel.dumpWorkbook().slice(fake.before.length);
      fakeJson = JSON.stringify(fake.json);
    }, 60_000);

    const expectNoCard = (text: string) => {
      const compact = digitsOf(text);
      for (const card of CARDS) expect(compact).not.toContain(digitsOf(card));
    };

    it("every card of the corpus passes Luhn (else masking it would prove nothing)", () => {
      for (const card of CARDS) expect(passesLuhn(digitsOf(card))).toBe(true);
    });

    it("is masked in the JSON, with the last four digits kept", async () => {
      expect(cli.code).toBe(0);
      const json = await readFile(join(cli.reportPath, "../report.json"), "utf8");
      expectNoCard(json);
      expect(json).toContain("Card holder **** **** **** 1111");
      expect(json).toContain("TX ****-****-****-1111");
      expectNoCard(fakeJson);
    });

    it("is masked in issue messages", () => {
      const messages = cli.json!.issues.map((issue) => issue.message);
      expect(messages).toContain('"**** **** **** 1111" is not a date; row left out');
      expect(messages).toContain('"****-****-****-1111" is not an amount; row left out');
      expect(messages).toContain('Amount "************9424" is beyond the range that can be added exactly; row left out');
      expectNoCard(cli.stdout);
    });

    it("is masked in every part of the written .xlsx report", async () => {
      for (const [part, text] of await xlsxTexts(cli.reportPath)) {
        const compact = digitsOf(text);
        for (const card of CARDS) expect({ part, found: compact.includes(digitsOf(card)) }).toEqual({ part, found: false });
      }
    });

    it("is masked in every report sheet written into the in-memory Excel", () => {
      const { texts } = dumpedTexts(fakeSheets);
      expect(texts.size).toBeGreaterThan(10);
      for (const text of texts) expectNoCard(text);
      for (const sheet of fakeSheets) for (const row of sheet.rows) for (const cell of row) if (typeof cell === "number") expectNoCard(String(cell));
    });
  });

  describe("card numbers in sheet names", () => {
    // A CSV is a sheet named after its file: a file saved as the card number it concerns.
    const card = CARDS[0]!;
    const fileCase: CorpusCase = {
      name: "card-in-file-name",
      input: "A CSV file named after a card number.",
      behaviour: "The sheet name is masked where it is shown.",
      inputs: [csv(`${digitsOf(card)}.csv`, "Invoice No,Customer,Invoice Date,Due Date,Amount\nFV/1,Alfa,2025-03-01,2025-03-31,oops\n")],
      expected: { issues: [] },
    };

    it("a CSV named after a card number: the sheet name is masked in the JSON and the CLI's output", async () => {
      const caseDir = await mkdtemp(join(dir, "card-file-"));
      const inputs = await writeInputs(fileCase, caseDir);
      const cli = await runCorpusCli(fileCase, inputs, caseDir);
      expect(cli.code).toBe(0);
      // Sheet names reach issues, sources, the CLI's summary and the report's subtitle: all masked.
      const json = await readFile(join(caseDir, "report.json"), "utf8");
      expect(digitsOf(json)).not.toContain(digitsOf(card));
      expect(digitsOf(cli.stdout)).not.toContain(digitsOf(card));
      expect(json).toContain(digitsOf(card).slice(-4));
    });
  });

  describe("no network", () => {
    it("a whole run (read, report, JSON, .xlsx) opens no socket, resolves no name and fetches nothing, even with URLs in the data", async () => {
      const attempts: string[] = [];
      const trap = (name: string) => () => {
        attempts.push(name);
        throw new Error(`network use: ${name}`);
      };
      const spies = [
        jest.spyOn(net.Socket.prototype, "connect").mockImplementation(trap("net.Socket.connect")),
        jest.spyOn(net, "connect").mockImplementation(trap("net.connect")),
        jest.spyOn(net, "createConnection").mockImplementation(trap("net.createConnection")),
        jest.spyOn(tls, "connect").mockImplementation(trap("tls.connect")),
        jest.spyOn(http, "request").mockImplementation(trap("http.request")),
        jest.spyOn(http, "get").mockImplementation(trap("http.get")),
        jest.spyOn(https, "request").mockImplementation(trap("https.request")),
        jest.spyOn(https, "get").mockImplementation(trap("https.get")),
        jest.spyOn(dns, "lookup").mockImplementation(trap("dns.lookup")),
        jest.spyOn(dns.promises, "lookup").mockImplementation(trap("dns.promises.lookup")),
        jest.spyOn(globalThis, "fetch").mockImplementation(trap("fetch")),
      ];
      try {
        const urls: CorpusCase = {
          name: "urls",
          input: "Hyperlinks and URLs in the data.",
          behaviour: "Nothing is fetched.",
          inputs: [
            xlsx("urls.xlsx", (workbook) => {
              addSheet(workbook, "Invoices", [
                ["Invoice No", "Customer", "Invoice Date", "Due Date", "Amount", "Email"],
                [{ text: "FV/1", hyperlink: "https://erp.example/invoices/1" }, "http://alfa.example", d("2025-03-01"), d("2025-03-31"), 10, "ar@alfa.example"],
                ["FV/2", { formula: "WEBSERVICE(\"https://evil.example\")", result: "Beta" }, d("2025-03-01"), d("2025-03-31"), 10, null],
              ]);
            }),
          ],
          expected: { issues: [] },
        };
        const caseDir = await mkdtemp(join(dir, "urls-"));
        const inputs = await writeInputs(urls, caseDir);
        const cli = await runCorpusCli(urls, inputs, caseDir);
        expect(cli.code).toBe(0);
        await runCorpusFake(urls, await inputWorkbookData(inputs));
      } finally {
        for (const spy of spies) spy.mockRestore();
      }
      expect(attempts).toEqual([]);
    }, 60_000);
  });
});
