import { NS_MAIN, XML_DECLARATION } from "./namespaces";
import { Registry } from "./registry";
import { escapeXmlText } from "./xmlEscape";

/**
 * The workbook's shared string table (`xl/sharedStrings.xml`): each distinct text stored once, cells refer to it
 * by index. Reports repeat texts a lot (customer names, currencies, statuses), so this is smaller than inline
 * strings and what Excel itself writes.
 */
export class SharedStrings {
  private readonly texts = new Registry();
  private references = 0;

  /** The index of a text, added on first use. */
  indexOf(text: string): number {
    this.references++;
    return this.texts.indexOf(text);
  }

  /** The part, in chunks. */
  *xml(): Generator<string> {
    yield `${XML_DECLARATION}<sst xmlns="${NS_MAIN}" count="${this.references}" uniqueCount="${this.texts.items.length}">`;
    let chunk = "";
    for (const text of this.texts.items) {
      chunk += sharedStringItem(text);
      if (chunk.length > 65536) {
        yield chunk;
        chunk = "";
      }
    }
    yield `${chunk}</sst>`;
  }
}

/**
 * One `<si>`: leading or trailing white space is kept only under xml:space="preserve" (Excel and LibreOffice
 * trim it otherwise).
 */
function sharedStringItem(text: string): string {
  const preserve = /^[ \t\n\r]|[ \t\n\r]$/.test(text) ? ' xml:space="preserve"' : "";
  return `<si><t${preserve}>${escapeXmlText(text)}</t></si>`;
}
