import {
  NS_MAIN,
  NS_PACKAGE_RELS,
  NS_R,
  REL_CORE_PROPERTIES,
  REL_EXTENDED_PROPERTIES,
  REL_OFFICE_DOCUMENT,
  XML_DECLARATION,
  CT_CORE_PROPERTIES,
  CT_EXTENDED_PROPERTIES,
  CT_RELATIONSHIPS,
} from "./namespaces";
import { escapeXmlAttribute, escapeXmlText } from "./xmlEscape";

/** Who made the file, as docProps/core.xml says. */
const CREATOR = "Receivables Desk";

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** Relative to the source part's folder. */
  readonly target: string;
}

/** A relationships part (`…/_rels/x.rels`). */
export function relationshipsXml(relationships: readonly Relationship[]): string {
  const items = relationships.map(
    ({ id, type, target }) => `<Relationship Id="${escapeXmlAttribute(id)}" Type="${escapeXmlAttribute(type)}" Target="${escapeXmlAttribute(target)}"/>`,
  );
  return `${XML_DECLARATION}<Relationships xmlns="${NS_PACKAGE_RELS}">${items.join("")}</Relationships>`;
}

/** `[Content_Types].xml`: rels and xml by extension, every other part by name ("/xl/workbook.xml"). */
export function contentTypesXml(overrides: ReadonlyArray<{ readonly partName: string; readonly contentType: string }>): string {
  return (
    `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="${CT_RELATIONSHIPS}"/><Default Extension="xml" ContentType="application/xml"/>` +
    overrides.map(({ partName, contentType }) => `<Override PartName="${escapeXmlAttribute(partName)}" ContentType="${contentType}"/>`).join("") +
    `</Types>`
  );
}

/** The package's own relationships (`_rels/.rels`): the workbook and the document properties. */
export function packageRelationshipsXml(): string {
  return relationshipsXml([
    { id: "rId1", type: REL_OFFICE_DOCUMENT, target: "xl/workbook.xml" },
    { id: "rId2", type: REL_CORE_PROPERTIES, target: "docProps/core.xml" },
    { id: "rId3", type: REL_EXTENDED_PROPERTIES, target: "docProps/app.xml" },
  ]);
}

export const DOCUMENT_PROPERTY_PARTS = [
  { partName: "/docProps/core.xml", contentType: CT_CORE_PROPERTIES },
  { partName: "/docProps/app.xml", contentType: CT_EXTENDED_PROPERTIES },
] as const;

/** `docProps/core.xml`: the creator and when the file was made (W3CDTF, UTC, to the second). */
export function corePropertiesXml(created: Date): string {
  const when = `${created.toISOString().slice(0, 19)}Z`;
  return (
    `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    `xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
    `xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:creator>${escapeXmlText(CREATOR)}</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    `</cp:coreProperties>`
  );
}

/**
 * `docProps/app.xml`: the sheet names, as Excel lists them. The application is named "Microsoft Excel", as
 * ExcelJS named it: LibreOffice reads some chart defaults by the application that wrote the file.
 */
export function extendedPropertiesXml(sheetNames: readonly string[]): string {
  const names = sheetNames.map((name) => `<vt:lpstr>${escapeXmlText(name)}</vt:lpstr>`).join("");
  return (
    `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ` +
    `xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
    `<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>` +
    `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant>` +
    `<vt:variant><vt:i4>${sheetNames.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${sheetNames.length}" baseType="lpstr">${names}</vt:vector></TitlesOfParts>` +
    `<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>` +
    `<AppVersion>16.0300</AppVersion></Properties>`
  );
}

/**
 * `xl/workbook.xml`: the sheets in order, each by its relationship id, in the 1900 date system (the report
 * model's serials); the first sheet is the active one.
 */
export function workbookXml(sheets: ReadonlyArray<{ readonly name: string; readonly relationshipId: string }>): string {
  const items = sheets.map(({ name, relationshipId }, index) => `<sheet name="${escapeXmlAttribute(name)}" sheetId="${index + 1}" r:id="${relationshipId}"/>`);
  return (
    `${XML_DECLARATION}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}">` +
    `<workbookPr defaultThemeVersion="124226"/>` +
    `<bookViews><workbookView activeTab="0"/></bookViews>` +
    `<sheets>${items.join("")}</sheets>` +
    `<calcPr calcId="171027"/>` +
    `</workbook>`
  );
}
