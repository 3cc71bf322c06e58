import fc from "fast-check";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeJsonFile, writeJsonSections } from "./writeJsonFile";

describe("writeJsonFile", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "rd-json-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const written = (value: unknown, bufferBytes?: number): Buffer => {
    const path = join(dir, "out.json");
    writeJsonFile(path, value, bufferBytes === undefined ? {} : { bufferBytes });
    return readFileSync(path);
  };
  const expected = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, "utf8");

  it("writes the bytes of JSON.stringify(value, null, 2) + newline for any JSON-like value, through any buffer size", () => {
    // Long arrays and shallow objects are walked by the writer, the rest stringified: both paths, nested, with
    // what JSON.stringify leaves out (undefined, functions) or turns into null, and Dates (toJSON).
    const leaf = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constant(undefined),
      fc.constant(() => 1),
      fc.date({ noInvalidDate: true }),
      fc.string({ unit: "grapheme" }),
    );
    const tree = fc.letrec((tie) => ({
      node: fc.oneof({ maxDepth: 4 }, leaf, tie("array"), tie("object")),
      array: fc.array(tie("node"), { maxLength: 20 }),
      object: fc.dictionary(fc.string(), tie("node"), { maxKeys: 6 }),
    })).node;
    fc.assert(
      fc.property(tree, fc.integer({ min: 16, max: 4096 }), (value, bufferBytes) => {
        if (JSON.stringify(value) === undefined) return;
        expect(written(value, bufferBytes).equals(expected(value))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("writes a long string whole, a surrogate pair across a slice end included", () => {
    // A 48-byte buffer takes slices of 16 units: the emoji's first half falls on unit 16 of the string's text.
    const value = { title: `${"a".repeat(14)}😀 Zakład 1–30 ${"ż".repeat(100)}`, rows: Array.from({ length: 12 }, (_, i) => ({ i, pl: "ąę" })) };
    const bytes = written(value, 48);
    expect(bytes.equals(expected(value))).toBe(true);
    expect(JSON.parse(bytes.toString("utf8"))).toEqual(value);
  });

  it("writes the report's shape the same as JSON.stringify: nested long arrays inside objects inside arrays", () => {
    const value = {
      schemaVersion: 1,
      openItems: Array.from({ length: 30 }, (_, i) => ({ document: `FV/${i}`, amount: i * 1.5, tags: [] })),
      forecast: { items: Array.from({ length: 10 }, (_, i) => ({ p30: i / 10 })), backtest: {}, weekly: [] },
      collections: [{ customer: "Zakład", invoices: Array.from({ length: 9 }, (_, i) => ({ open: i })) }],
      nothing: undefined,
    };
    expect(written(value).equals(expected(value))).toBe(true);
  });

  it("writes sections built one at a time, in order, as the object of their values would be written", () => {
    const object = fc.dictionary(fc.string(), fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constant(undefined)), { maxKeys: 8 });
    fc.assert(
      fc.property(object, fc.integer({ min: 16, max: 2048 }), (value, bufferBytes) => {
        const built: string[] = [];
        const sections = Object.fromEntries(Object.entries(value).map(([key, v]) => [key, () => (built.push(key), v)]));
        const path = join(dir, "sections.json");
        writeJsonSections(path, sections, { bufferBytes });
        expect(readFileSync(path).equals(expected(value))).toBe(true);
        expect(built).toEqual(Object.keys(value));
      }),
      { numRuns: 200 },
    );
  });

  it("leaves out a section that is missing or builds nothing", () => {
    const path = join(dir, "partial.json");
    writeJsonSections(path, { a: () => 1, b: undefined, c: () => undefined, d: () => [1, 2] });
    expect(readFileSync(path, "utf8")).toBe(`${JSON.stringify({ a: 1, d: [1, 2] }, null, 2)}\n`);
  });

  it("refuses a value that has no JSON text", () => {
    expect(() => writeJsonFile(join(dir, "none.json"), undefined)).toThrow(TypeError);
  });
});
