// The in-memory Excel must be as strict as Excel where the adapter could go wrong; these tests pin that down.
import { FakeExcel } from "../../src/excel/testing";
import { codeOf } from "../support/officeErrorCode";

const grid = (name: string, rows: Array<Array<string | number | boolean | null>>) => ({ name, rows, firstRow: 1, firstColumn: 1 });

describe("loading", () => {
  it("throws PropertyNotLoaded before load + sync, like Office.js", async () => {
    const excel = FakeExcel.fromWorkbookData({ date1904: false, sheets: [grid("Data", [["a", 1]])] });
    // This test reads too early on purpose: the linter's Office rules would (rightly) refuse it anywhere else.
    /* eslint-disable office-addins/load-object-before-read, office-addins/call-sync-before-read, office-addins/call-sync-after-load */
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Data").getRange("A1:B1");
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      range.load("values");
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect(range.values).toEqual([["a", 1]]);
      expect(() => range.address).toThrow(/PropertyNotLoaded/);
    });
    /* eslint-enable office-addins/load-object-before-read, office-addins/call-sync-before-read, office-addins/call-sync-after-load */
  });

  it("binds an object found by name when the sync first uses it, so a rename in the same batch keeps it", async () => {
    const excel = FakeExcel.fromWorkbookData({ date1904: false, sheets: [grid("Data", [["a"]])] });
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.name = "Renamed";
      sheet.getRange("B1").values = [["b"]];
      await context.sync();
    });
    expect(excel.dumpSheet("Renamed").rows).toEqual([["a", "b"]]);
  });

  it("refuses a batch that ends with actions never synced", async () => {
    const excel = FakeExcel.fromWorkbookData({ date1904: false, sheets: [grid("Data", [["a"]])] });
    const code = await codeOf(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("Data").getRange("A1").values = [["b"]];
      }),
    );
    expect(code).toBe("GeneralException");
    expect(excel.dumpSheet("Data").rows).toEqual([["a"]]);
  });
});

describe("payload limits", () => {
  it("refuses a request over the limit and applies nothing of it", async () => {
    const excel = FakeExcel.fromWorkbookData({ date1904: false, sheets: [grid("Data", [["a"]])] }, { payloadLimitBytes: 1_000 });
    const code = await codeOf(
      excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Data");
        sheet.getRange("B1").values = [["small"]];
        sheet.getRange("A2:A3").values = [["x".repeat(600)], ["y".repeat(600)]];
        await context.sync();
      }),
    );
    expect(code).toBe("RequestPayloadSizeLimitExceeded");
    expect(excel.dumpSheet("Data").rows).toEqual([["a"]]);
    expect(excel.syncLog[0]!.requestBytes).toBeGreaterThan(1_000);
  });

  it("refuses a response over the limit, and a read of too many cells", async () => {
    const data = { date1904: false, sheets: [grid("Data", Array.from({ length: 100 }, (_, r) => [`row ${r} ${"z".repeat(20)}`]))] };
    const read = (excel: FakeExcel) =>
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("Data").getRange("A1:A100").load("values");
        await context.sync();
      });
    expect(await codeOf(read(FakeExcel.fromWorkbookData(data, { payloadLimitBytes: 2_000 })))).toBe("ResponsePayloadSizeLimitExceeded");
    expect(await codeOf(read(FakeExcel.fromWorkbookData(data, { maxReadCells: 50 })))).toBe("ResponsePayloadSizeLimitExceeded");
    expect(await codeOf(read(FakeExcel.fromWorkbookData(data)))).toBe("no error");
  });
});

describe("values as typed input", () => {
  it("makes a formula of a string starting with =, +, - or @ unless the cell is text-formatted", async () => {
    const excel = FakeExcel.fromWorkbookData({ date1904: false, sheets: [grid("Data", [])] });
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.getRange("B1:B6").numberFormat = [["@"]];
      const inputs = [["=1+1"], ["+1+1"], ["-2+3"], ["@SUM(A1)"], ["\t=1"], ["00123"]];
      sheet.getRange("A1:A6").values = inputs;
      sheet.getRange("B1:B6").values = inputs;
      await context.sync();
    });
    expect(excel.cell("Data", "A1")).toEqual({ formula: "=1+1" });
    expect(excel.cell("Data", "A2")).toEqual({ formula: "=+1+1" });
    expect(excel.cell("Data", "A4")).toEqual({ formula: "=SUM(A1)" });
    expect(excel.cell("Data", "A5")).toEqual({ formula: "=1" });
    expect(excel.cell("Data", "A6")).toBe(123);
    expect(excel.dumpSheet("Data").rows.map((row) => row[1])).toEqual(["=1+1", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "00123"]);
  });

  it("spreads a 1×1 input over the range and refuses other mismatched shapes", async () => {
    const excel = FakeExcel.fromWorkbookData({ date1904: false, sheets: [grid("Data", [])] });
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A1:C2").numberFormat = [["0.00"]];
      await context.sync();
    });
    expect(excel.numberFormat("Data", "C2")).toBe("0.00");
    const code = await codeOf(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("Data").getRange("A1:C2").values = [["a", "b"]];
        await context.sync();
      }),
    );
    expect(code).toBe("InvalidArgument");
  });
});

describe("sheets", () => {
  it.each([
    ["x".repeat(32), "InvalidArgument"],
    ["Q1/Q2", "InvalidArgument"],
    ["[draft]", "InvalidArgument"],
    ["data", "ItemAlreadyExists"],
  ])("refuses the sheet name %j (%s)", async (name, expected) => {
    const excel = FakeExcel.fromWorkbookData({ date1904: false, sheets: [grid("Data", [["a"]])] });
    expect(await codeOf(excel.run(async (context) => (context.workbook.worksheets.add(name), context.sync())))).toBe(expected);
  });

  it("keeps the actions before a failing one and drops the ones after it, as Office documents for a batch", async () => {
    const excel = FakeExcel.fromWorkbookData({ date1904: false, sheets: [grid("Data", [["a"]])] });
    const code = await codeOf(
      excel.run(async (context) => {
        context.workbook.worksheets.add("First");
        context.workbook.worksheets.add("DATA");
        context.workbook.worksheets.add("Third");
        await context.sync();
      }),
    );
    expect(code).toBe("ItemAlreadyExists");
    expect(excel.sheetNames()).toEqual(["Data", "First"]);
  });

  it("keeps at least one visible sheet", async () => {
    const excel = FakeExcel.fromWorkbookData({ date1904: false, sheets: [grid("Data", [["a"]])] });
    expect(await codeOf(excel.run(async (context) => ((context.workbook.worksheets.getItem("Data").visibility = "Hidden"), context.sync())))).toBe(
      "InvalidOperation",
    );
  });
});

describe("injected failures", () => {
  const attempt = (excel: FakeExcel) =>
    codeOf(
      excel.run(async (context) => {
        context.workbook.worksheets.add("One");
        context.workbook.worksheets.add("Two");
        await context.sync();
      }),
    );

  it("applies nothing by default", async () => {
    const excel = FakeExcel.fromWorkbookData({ date1904: false, sheets: [grid("Data", [["a"]])] });
    excel.failSync(1);
    expect(await attempt(excel)).toBe("GeneralException");
    expect(excel.sheetNames()).toEqual(["Data"]);
    expect(excel.syncLog[0]!.outcome).toBe("injected");
  });

  it("can apply everything and lose the answer, or apply the first n actions", async () => {
    const all = FakeExcel.fromWorkbookData({ date1904: false, sheets: [grid("Data", [["a"]])] });
    all.failSync(1, "all-applied");
    expect(await attempt(all)).toBe("GeneralException");
    expect(all.sheetNames()).toEqual(["Data", "One", "Two"]);
    const some = FakeExcel.fromWorkbookData({ date1904: false, sheets: [grid("Data", [["a"]])] });
    some.failSync(1, { appliedActions: 1 });
    expect(await attempt(some)).toBe("GeneralException");
    expect(some.sheetNames()).toEqual(["Data", "One"]);
  });

  it("can time out: everything applied, the sync rejected with RequestAborted", async () => {
    const excel = FakeExcel.fromWorkbookData({ date1904: false, sheets: [grid("Data", [["a"]])] });
    excel.failSync(1, "timeout");
    expect(await attempt(excel)).toBe("RequestAborted");
    expect(excel.sheetNames()).toEqual(["Data", "One", "Two"]);
    expect(excel.syncLog[0]!.outcome).toBe("injected");
  });
});

describe("date system", () => {
  it.each([
    [false, 1462],
    [true, 0],
  ])("evaluates DATE(1904,1,1) in the workbook's own date system (1904 system: %s → %d)", async (date1904, expected) => {
    const excel = new FakeExcel({ date1904 });
    const value = await excel.run(async (context) => {
      const result = context.workbook.functions.date(1904, 1, 1).load("value");
      await context.sync();
      return result.value;
    });
    expect(value).toBe(expected);
  });
});
