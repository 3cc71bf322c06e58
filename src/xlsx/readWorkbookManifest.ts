import { attributeByLocalName, parseXml } from "./parseXml";
import { resolvePartTarget, type ZipPackage } from "./zipPackage";

export interface WorkbookManifest {
  /** `<workbookPr date1904>`: true for the 1904 date system. */
  readonly date1904: boolean;
  /** Worksheets in workbook order (chart sheets and dialog sheets are left out), with the part holding each. */
  readonly sheets: ReadonlyArray<{ readonly name: string; readonly part: string }>;
  /** The shared string table's part, when the workbook has one. */
  readonly sharedStringsPart: string | null;
}

interface Relationship {
  readonly type: string;
  readonly target: string;
}

/**
 * What a reader needs before the sheets: the date system, the sheets in order and where the parts are, from
 * `_rels/.rels`, `xl/workbook.xml` and its relationships.
 */
export async function readWorkbookManifest(pkg: ZipPackage): Promise<WorkbookManifest> {
  const rootRels = await readRelationships(pkg, "_rels/.rels");
  const officeDocument = [...rootRels.values()].find((rel) => rel.type.endsWith("/officeDocument"));
  const workbookPart = officeDocument ? resolvePartTarget("", officeDocument.target) : "xl/workbook.xml";

  const folder = workbookPart.split("/").slice(0, -1).join("/");
  const fileName = workbookPart.split("/").pop() ?? "";
  const workbookRels = await readRelationships(pkg, `${folder === "" ? "" : `${folder}/`}_rels/${fileName}.rels`);

  let date1904 = false;
  const declaredSheets: Array<{ name: string; relationshipId: string }> = [];
  parseXml(pkg.chunks(workbookPart), {
    open(name, attributes) {
      if (name === "workbookPr") {
        // xsd:boolean: Excel writes "1", LibreOffice writes "true" (ExcelJS itself only recognises "1").
        date1904 = /^\s*(1|true)\s*$/i.test(attributes["date1904"] ?? "");
      } else if (name === "sheet") {
        const relationshipId = attributeByLocalName(attributes, "id");
        if (relationshipId !== undefined) declaredSheets.push({ name: attributes["name"] ?? "", relationshipId });
      }
    },
    close() {},
  });

  const sheets: Array<{ name: string; part: string }> = [];
  for (const { name, relationshipId } of declaredSheets) {
    const rel = workbookRels.get(relationshipId);
    if (rel === undefined || !rel.type.endsWith("/worksheet")) continue;
    const part = resolvePartTarget(workbookPart, rel.target);
    if (pkg.has(part)) sheets.push({ name, part });
  }
  const sharedStrings = [...workbookRels.values()].find((rel) => rel.type.endsWith("/sharedStrings"));
  const sharedStringsPart = sharedStrings ? resolvePartTarget(workbookPart, sharedStrings.target) : null;
  return {
    date1904,
    sheets,
    sharedStringsPart: sharedStringsPart !== null && pkg.has(sharedStringsPart) ? sharedStringsPart : null,
  };
}

async function readRelationships(pkg: ZipPackage, relsPart: string): Promise<Map<string, Relationship>> {
  const relationships = new Map<string, Relationship>();
  if (!pkg.has(relsPart)) return relationships;
  parseXml(pkg.chunks(relsPart), {
    open(name, attributes) {
      const id = attributes["Id"];
      if (name !== "Relationship" || id === undefined || attributes["TargetMode"] === "External") return;
      relationships.set(id, { type: attributes["Type"] ?? "", target: attributes["Target"] ?? "" });
    },
    close() {},
  });
  return relationships;
}
