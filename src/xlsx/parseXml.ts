import { decodeXmlCdata, decodeXmlText, localNameStart, scanXmlChunks, tagAttributes, type XmlTokenHandler } from "./xml";

/** Element events of a SAX pass; names are local (a `x:` prefix, as some writers use, is dropped). */
export interface XmlHandlers {
  open(name: string, attributes: Readonly<Record<string, string>>): void;
  close(name: string): void;
  /** Character data (entities decoded, CDATA included), in as many pieces as the parser likes. */
  text?(text: string): void;
}

/**
 * Runs the XML tokenizer (./xml) over a part's bytes, in pieces (`ZipPackage.chunks`), without building a tree: for
 * the small parts (workbook, relationships), where an object of attributes per element costs nothing. Sheets and
 * shared strings have their own handlers on the tokenizer, which allocate nothing per tag.
 */
export function parseXml(chunks: Iterable<Buffer>, handlers: XmlHandlers): void {
  const onText = handlers.text;
  const tokens: XmlTokenHandler = {
    openTag(xml, nameStart, nameEnd, attributesEnd) {
      const name = xml.toString("utf8", localNameStart(xml, nameStart, nameEnd), nameEnd);
      handlers.open(name, tagAttributes(xml, nameEnd, attributesEnd));
      return -1;
    },
    closeTag(xml, nameStart, nameEnd) {
      handlers.close(xml.toString("utf8", localNameStart(xml, nameStart, nameEnd), nameEnd));
    },
    text(xml, start, end) {
      onText?.(decodeXmlText(xml, start, end));
    },
    cdata(xml, start, end) {
      onText?.(decodeXmlCdata(xml, start, end));
    },
  };
  scanXmlChunks(chunks, tokens);
}

/** An attribute by local name, whatever its prefix (`r:id`, `relationships:id`). */
export function attributeByLocalName(attributes: Readonly<Record<string, string>>, name: string): string | undefined {
  const direct = attributes[name];
  if (direct !== undefined) return direct;
  for (const [key, value] of Object.entries(attributes)) {
    if (localName(key) === name) return value;
  }
  return undefined;
}

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}
