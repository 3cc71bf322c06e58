import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeCsvBytes, detectCsvDelimiter, parseCsv, readCsvFile } from "./readCsv";

/** "Zapłata;Kwota\r\nFV/1;1 234,56\r\n" in windows-1250: ł is 0xB3, as Polish ERP exports write it. */
function cp1250Bytes(): Uint8Array {
  const bytes: number[] = [];
  for (const ch of "Zapłata;Kwota\r\nFV/1;1 234,56\r\nKorekta ąśź;-5,00\r\n") {
    const special: Record<string, number> = { ł: 0xb3, ą: 0xb9, ś: 0x9c, ź: 0x9f };
    bytes.push(special[ch] ?? ch.charCodeAt(0));
  }
  return Uint8Array.from(bytes);
}

describe("parseCsv", () => {
  it("splits a Polish export: semicolons, decimal commas, a quoted line break", () => {
    const text = 'Nr;Kontrahent;Kwota;Uwagi\r\nFV/1;"ACME; oddział 2";1 234,56;"linia 1\r\nlinia 2"\r\nFV/2;Beta;-0,01;\r\n';
    expect(parseCsv(text)).toEqual([
      ["Nr", "Kontrahent", "Kwota", "Uwagi"],
      ["FV/1", "ACME; oddział 2", "1 234,56", "linia 1\r\nlinia 2"],
      ["FV/2", "Beta", "-0,01", ""],
    ]);
  });

  it("handles doubled quotes, commas and LF line ends", () => {
    expect(parseCsv('a,b,c\n"say ""hi""","1,5",x\n')).toEqual([
      ["a", "b", "c"],
      ['say "hi"', "1,5", "x"],
    ]);
  });

  it("reads tab-delimited text with decimal commas as tab-delimited", () => {
    expect(parseCsv("Nr\tKwota\n1\t2,50\n2\t3,75")).toEqual([
      ["Nr", "Kwota"],
      ["1", "2,50"],
      ["2", "3,75"],
    ]);
  });

  it("keeps fields exactly: spaces, leading zeros, formula-like text", () => {
    expect(parseCsv(" 007 ;=SUM(A1);+48 600\n")).toEqual([[" 007 ", "=SUM(A1)", "+48 600"]]);
  });

  it("follows an Excel sep= line", () => {
    expect(parseCsv("sep=,\r\nNr;Kwota,Waluta\r\n1;2,PLN\r\n")).toEqual([
      ["Nr;Kwota", "Waluta"],
      ["1;2", "PLN"],
    ]);
  });

  describe("edge cases", () => {
    it("empty text has no records; a final line break adds none", () => {
      expect(parseCsv("")).toEqual([]);
      expect(parseCsv("a;b\n")).toEqual([["a", "b"]]);
      expect(parseCsv("a;b")).toEqual([["a", "b"]]);
    });

    it("a blank line is a record with one empty field; a trailing delimiter an empty last field", () => {
      expect(parseCsv("a;b\n\nc;d;\n")).toEqual([["a", "b"], [""], ["c", "d", ""]]);
    });

    it("CR alone ends a record (old Mac exports)", () => {
      expect(parseCsv("a;b\rc;d\r")).toEqual([
        ["a", "b"],
        ["c", "d"],
      ]);
    });

    it("drops a BOM left in the text", () => {
      expect(parseCsv("\ufeffNr;Kwota\n")).toEqual([["Nr", "Kwota"]]);
    });

    it("an unterminated quote runs to the end; text after a closing quote is kept", () => {
      expect(parseCsv('a;"b\nc')).toEqual([["a", "b\nc"]]);
      expect(parseCsv('"ab"c;d')).toEqual([["abc", "d"]]);
    });

    it("an empty quoted field is empty", () => {
      expect(parseCsv('"";x')).toEqual([["", "x"]]);
    });
  });
});

describe("detectCsvDelimiter", () => {
  it("prefers the delimiter found equally often in every record", () => {
    expect(detectCsvDelimiter("Nr;Kwota\n1;2,50\n2;13,00")).toBe(";");
    expect(detectCsvDelimiter("Nr;Kwota;Uwagi\n1;2,50;a, b\n2;3;c")).toBe(";");
    expect(detectCsvDelimiter("a,b,c\n1,2,3")).toBe(",");
  });

  it("ignores delimiters inside quotes", () => {
    expect(detectCsvDelimiter('Nr,Opis\n1,"a; b; c"\n2,"d; e; f"')).toBe(",");
  });

  it("falls back to the delimiter present in most records, then to a comma", () => {
    expect(detectCsvDelimiter("a;b;c\n1;2\n3;4;5;6")).toBe(";");
    expect(detectCsvDelimiter("just one field")).toBe(",");
  });
});

describe("decodeCsvBytes", () => {
  it("decodes windows-1250 when the bytes are not UTF-8", () => {
    expect(decodeCsvBytes(Uint8Array.of(0x5a, 0x61, 0x70, 0xb3, 0x61, 0x74, 0x61))).toBe("Zapłata");
  });

  it("decodes UTF-8 and strips its BOM", () => {
    const bytes = new TextEncoder().encode("\ufeffZapłata;Kwota");
    expect(bytes[0]).toBe(0xef);
    expect(decodeCsvBytes(bytes)).toBe("Zapłata;Kwota");
    expect(decodeCsvBytes(new TextEncoder().encode("Zapłata"))).toBe("Zapłata");
  });

  it("decodes UTF-16 LE with a BOM (Excel's Unicode text)", () => {
    const body = Buffer.from("Nr\tKwota\r\n", "utf16le");
    expect(decodeCsvBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), body]))).toBe("Nr\tKwota\r\n");
  });
});

describe("readCsvFile", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "rd-csv-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("reads a windows-1250 export into one sheet named after the file", async () => {
    const path = join(dir, "należności.2025-01.csv");
    await writeFile(path, cp1250Bytes());
    const data = await readCsvFile(path);
    expect(data).toEqual({
      date1904: false,
      sheets: [
        {
          name: "należności.2025-01",
          firstRow: 1,
          firstColumn: 1,
          rows: [
            ["Zapłata", "Kwota"],
            ["FV/1", "1 234,56"],
            ["Korekta ąśź", "-5,00"],
          ],
        },
      ],
    });
  });

  it("reads UTF-8 with BOM; empty fields are null and blank rows empty", async () => {
    const path = join(dir, "bom.csv");
    await writeFile(path, Buffer.from("\ufeffNr;Kontrahent;Kwota\n;Beta;\n\n007;;1,50\n\n", "utf8"));
    const data = await readCsvFile(path);
    expect(data.sheets[0]?.name).toBe("bom");
    expect(data.sheets[0]?.rows).toEqual([["Nr", "Kontrahent", "Kwota"], [null, "Beta"], [], ["007", null, "1,50"]]);
  });
});
