import { cellName, type PlannedTable } from "../planReportSheet";
import { NS_MAIN, XML_DECLARATION } from "./namespaces";
import { escapeXmlAttribute } from "./xmlEscape";

const TABLE_STYLE = "TableStyleMedium2";

/**
 * The part of a native table (`xl/tables/tableN.xml`): its range from the header to the last data row, an
 * autoFilter over it (filter buttons on every column), one column per header cell named exactly as the cell
 * reads, and TableStyleMedium2 with row stripes. `id` is unique in the workbook.
 * @example tablePartXml({ name: "Aging", row: 3, column: 0, columnNames: ["Customer", "Amount"], dataRows: 2 }, 1)
 * //=> '…<table … id="1" name="Aging" displayName="Aging" ref="A4:B6" totalsRowShown="0"><autoFilter ref="A4:B6"/>…'
 */
export function tablePartXml(table: PlannedTable, id: number): string {
  const last = cellName(table.row + table.dataRows, table.column + table.columnNames.length - 1);
  const ref = `${cellName(table.row, table.column)}:${last}`;
  const name = escapeXmlAttribute(table.name);
  const columns = table.columnNames.map((column, index) => `<tableColumn id="${index + 1}" name="${escapeXmlAttribute(column)}"/>`);
  return (
    `${XML_DECLARATION}<table xmlns="${NS_MAIN}" id="${id}" name="${name}" displayName="${name}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/>` +
    `<tableColumns count="${columns.length}">${columns.join("")}</tableColumns>` +
    `<tableStyleInfo name="${TABLE_STYLE}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>` +
    `</table>`
  );
}
