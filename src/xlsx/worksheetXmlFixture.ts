import fc from "fast-check";

/**
 * Worksheet and shared-string XML in the shapes writers produce and some they should not, for property tests of
 * the readers (whole-element and tag-by-tag paths, any cut of the bytes): cells with and without `r`, every `t`,
 * formulas with and without a cached value, inline and rich text with phonetic runs, entities, CDATA, blanks
 * between elements, an `x:` prefix on everything, rows with and without `r`, empty rows and merged ranges.
 * Test-only: nothing outside tests imports it.
 */
export const worksheetXmlArbitrary: fc.Arbitrary<{ xml: string; sharedStrings: string[] }> = fc
  .record({
    prefix: fc.constantFrom("", "x:"),
    blanks: fc.constantFrom("", " ", "\n  ", "\r\n\t"),
    sharedStrings: fc.array(fc.string({ maxLength: 6 }), { maxLength: 6 }),
    rows: fc.array(
      fc.record({
        r: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
        empty: fc.boolean(),
        cells: fc.array(
          fc.record({
            r: fc.option(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined })), { nil: undefined }),
            t: fc.constantFrom(undefined, "n", "s", "str", "b", "e", "d", "inlineStr", "weird"),
            formula: fc.constantFrom(undefined, "<f>A1+1</f>", '<f t="shared" si="0"/>', '<f t="shared" ref="A1:A3" si="0">A1&amp;"x"</f>'),
            value: fc.constantFrom(
              undefined, "0", "1", "-0", "42", "3641.09", "-0.01", "007", "1E3", " 12 ", "1.", ".5", "123456789012345678",
              "1.2345678901234567", "abc", "", "#N/A", "2025-01-31", "2025-01-31T12:00:00", "1&#48;", "a &amp; b",
              "<![CDATA[42]]>", "x_x000D_y", "Infinity", "1.5", "99",
            ),
            selfClosingValue: fc.boolean(),
            inline: fc.constantFrom(
              undefined,
              "<t>Fak</t>",
              '<t xml:space="preserve"> tura </t>',
              "<r><t>Fak</t></r><r><rPr><b/></rPr><t>tura</t></r>",
              '<t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh>',
              "<t>a_x000D_b &amp; c</t>",
              "<t></t>",
            ),
            selfClosing: fc.boolean(),
          }),
          { maxLength: 6 },
        ),
      }),
      { maxLength: 8 },
    ),
    merges: fc.array(fc.constantFrom("A1:B2", "C3:C5", "A1", "B2:A1"), { maxLength: 2 }),
  })
  .map(({ prefix, blanks, sharedStrings, rows, merges }) => {
    const p = prefix;
    const rowXml = rows.map((row) => {
      const rowAttributes = row.r === undefined ? "" : ` r="${row.r}" spans="1:6"`;
      if (row.empty) return `<${p}row${rowAttributes}/>`;
      const cells = row.cells.map((cell) => {
        const reference = cell.r === undefined ? "" : ` r="${"ABCDEF"[cell.r[0] - 1]}${cell.r[1] ?? ""}"`;
        const type = cell.t === undefined ? "" : ` t="${cell.t}"`;
        const open = `<${p}c${reference} s="1"${type}`;
        if (cell.selfClosing) return `${open}/>`;
        const formula = cell.formula === undefined ? "" : cell.formula.replace(/<(\/?)f/g, `<$1${p}f`);
        const value =
          cell.value === undefined ? "" : cell.selfClosingValue && cell.value === "" ? `<${p}v/>` : `<${p}v>${cell.value}</${p}v>`;
        const inline = cell.inline === undefined ? "" : `<${p}is>${cell.inline.replace(/<(\/?)(t|r|rPh|rPr|b)([ />])/g, `<$1${p}$2$3`)}</${p}is>`;
        return `${open}>${blanks}${formula}${blanks}${value}${inline}${blanks}</${p}c>`;
      });
      return `<${p}row${rowAttributes}>${blanks}${cells.join(blanks)}${blanks}</${p}row>`;
    });
    const mergeXml =
      merges.length === 0 ? "" : `<${p}mergeCells>${merges.map((ref) => `<${p}mergeCell ref="${ref}"/>`).join("")}</${p}mergeCells>`;
    const xmlns = p === "" ? 'xmlns="urn:main"' : 'xmlns:x="urn:main"';
    const xml =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet ${xmlns}><${p}sheetData>${blanks}` +
      `${rowXml.join(blanks)}${blanks}</${p}sheetData>${mergeXml}</${p}worksheet>`;
    return { xml, sharedStrings };
  });
