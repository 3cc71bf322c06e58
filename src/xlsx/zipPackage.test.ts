import { openZipPackage, resolvePartTarget } from "./zipPackage";
import { zipFixture } from "./zip/zipFixture";

const SHEET = `<worksheet><sheetData>${"<row><c><v>1</v></c></row>".repeat(30_000)}</sheetData></worksheet>`;

describe("openZipPackage", () => {
  const archive = zipFixture([
    { name: "/xl/Workbook.xml", content: "<workbook/>" },
    { name: "xl/worksheets/sheet1.xml", content: SHEET },
    { name: "xl/", content: "", method: 0 },
  ]);

  it("finds parts whatever their case or leading slash, and not folders", async () => {
    const pkg = await openZipPackage(archive);
    expect(pkg.has("xl/workbook.xml")).toBe(true);
    expect(pkg.has("/XL/WORKBOOK.XML")).toBe(true);
    expect(pkg.has("xl/")).toBe(false);
    expect(await pkg.text("xl/workbook.xml")).toBe("<workbook/>");
    await expect(pkg.text("xl/styles.xml")).rejects.toThrow("The package has no part xl/styles.xml");
  });

  it("gives a part the same as text and as pieces of one buffer", async () => {
    const pkg = await openZipPackage(archive);
    const pieces: string[] = [];
    for (const piece of pkg.chunks("xl/worksheets/sheet1.xml")) pieces.push(piece.toString());
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join("")).toBe(SHEET);
    expect(await pkg.text("xl/worksheets/sheet1.xml")).toBe(SHEET);
  });

  it("rejects bytes that are not a zip", async () => {
    await expect(openZipPackage(Buffer.from("Nr;Kwota\n"))).rejects.toThrow("not a zip package");
  });
});

describe("resolvePartTarget", () => {
  it("resolves relative, absolute and escaped targets", () => {
    expect(resolvePartTarget("xl/workbook.xml", "worksheets/sheet1.xml")).toBe("xl/worksheets/sheet1.xml");
    expect(resolvePartTarget("xl/workbook.xml", "/xl/sharedStrings.xml")).toBe("xl/sharedStrings.xml");
    expect(resolvePartTarget("xl/worksheets/sheet1.xml", "../drawings/drawing1.xml")).toBe("xl/drawings/drawing1.xml");
    expect(resolvePartTarget("xl/workbook.xml", "worksheets/Arkusz%201.xml")).toBe("xl/worksheets/Arkusz 1.xml");
  });
});
