const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/**
 * Children of CT_Worksheet that come after `drawing` (ECMA-376 Part 1, §18.3.1.99): the sequence ends
 * … pageMargins, pageSetup, headerFooter, rowBreaks, colBreaks, customProperties, cellWatches, ignoredErrors,
 * smartTags, **drawing**, legacyDrawing, legacyDrawingHF, drawingHF, picture, oleObjects, controls,
 * webPublishItems, tableParts, extLst. Excel rejects a sheet whose children are out of this order.
 */
const AFTER_DRAWING = new Set([
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
]);

/**
 * A worksheet part with `<drawing r:id="…"/>` added where CT_Worksheet wants it: before the first top-level child
 * that must follow it (tableParts, the sheet's extLst, …), else at the end. Only the worksheet's own children
 * count — an `extLst` inside a conditional-formatting rule or a row is not the sheet's. Throws when the sheet has
 * a drawing already (a sheet has at most one).
 * @example insertDrawingElement('<worksheet xmlns:r="…"><sheetData/><tableParts count="0"/></worksheet>', "rId2")
 * //=> '<worksheet xmlns:r="…"><sheetData/><drawing r:id="rId2"/><tableParts count="0"/></worksheet>'
 */
export function insertDrawingElement(worksheetXml: string, relationshipId: string): string {
  const root = /<([A-Za-z_][\w.-]*:)?worksheet[\s>/]/.exec(worksheetXml);
  if (root === null) throw new Error("Not a worksheet part: no <worksheet> element");
  const elementPrefix = root[1] ?? "";
  const rootEnd = tagEnd(worksheetXml, root.index);
  const rootTag = worksheetXml.slice(root.index, rootEnd);
  const declared = new RegExp(`xmlns:([A-Za-z_][\\w.-]*)\\s*=\\s*["']${NS_R.replace(/[./]/g, "\\$&")}["']`).exec(rootTag);
  const relationshipPrefix = declared?.[1] ?? "r";
  const declaration = declared ? "" : ` xmlns:r="${NS_R}"`;
  const element = `<${elementPrefix}drawing${declaration} ${relationshipPrefix}:id="${relationshipId}"/>`;

  const at = insertionPoint(worksheetXml, rootEnd);
  return worksheetXml.slice(0, at) + element + worksheetXml.slice(at);
}

/** Index of the first top-level child that must follow `drawing`, or of `</worksheet>`. */
function insertionPoint(xml: string, from: number): number {
  let depth = 0;
  let position = from;
  for (;;) {
    const start = xml.indexOf("<", position);
    if (start < 0) throw new Error("Malformed worksheet part: no </worksheet>");
    if (xml.startsWith("<!--", start)) {
      position = skipPast(xml, "-->", start);
      continue;
    }
    if (xml.startsWith("<![CDATA[", start)) {
      position = skipPast(xml, "]]>", start);
      continue;
    }
    if (xml.startsWith("<?", start)) {
      position = skipPast(xml, "?>", start);
      continue;
    }
    const end = tagEnd(xml, start);
    const qualifiedName = /^<\/?([^\s/>]+)/.exec(xml.slice(start, Math.min(end, start + 256)))?.[1] ?? "";
    if (xml[start + 1] === "/") {
      if (depth === 0) return start; // </worksheet>
      depth--;
    } else {
      const selfClosing = xml[end - 2] === "/";
      const name = localName(qualifiedName);
      if (depth === 0) {
        if (name === "drawing") throw new Error("The worksheet has a drawing already");
        if (AFTER_DRAWING.has(name)) return start;
        // sheetData holds almost all of a big sheet and nothing that matters here: jump over it.
        if (name === "sheetData" && !selfClosing) {
          position = skipPast(xml, `</${qualifiedName}>`, end);
          continue;
        }
      }
      if (!selfClosing) depth++;
    }
    position = end;
  }
}

/** Index just past the `>` that ends the tag starting at `start`, skipping `>` inside quoted attribute values. */
function tagEnd(xml: string, start: number): number {
  let quote: string | null = null;
  for (let i = start + 1; i < xml.length; i++) {
    const char = xml[i];
    if (quote !== null) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === ">") {
      return i + 1;
    }
  }
  throw new Error("Malformed worksheet part: unterminated tag");
}

function skipPast(xml: string, terminator: string, from: number): number {
  const end = xml.indexOf(terminator, from);
  if (end < 0) throw new Error(`Malformed worksheet part: no ${terminator}`);
  return end + terminator.length;
}

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}
