import { StringDecoder } from "node:string_decoder";
import type { Readable } from "node:stream";
import { SaxesParser } from "saxes";

/** Element events of a SAX pass; names are local (a `x:` prefix, as some writers use, is dropped). */
export interface XmlHandlers {
  open(name: string, attributes: Readonly<Record<string, string>>): void;
  close(name: string): void;
  /** Character data (entities decoded, CDATA included), in as many pieces as the parser likes. */
  text?(text: string): void;
}

/** Runs a SAX parser over an XML part, streamed or in memory, without building a tree. */
export async function parseXml(source: Readable | string, handlers: XmlHandlers): Promise<void> {
  const parser = new SaxesParser();
  parser.on("opentag", (tag) => handlers.open(localName(tag.name), tag.attributes as Record<string, string>));
  parser.on("closetag", (tag) => handlers.close(localName(tag.name)));
  const onText = handlers.text;
  if (onText !== undefined) {
    parser.on("text", onText);
    parser.on("cdata", onText);
  }
  if (typeof source === "string") {
    parser.write(source).close();
    return;
  }
  // Chunks split UTF-8 sequences anywhere; the decoder carries the partial bytes over.
  const decoder = new StringDecoder("utf8");
  for await (const chunk of source) {
    parser.write(typeof chunk === "string" ? chunk : decoder.write(chunk as Buffer));
  }
  parser.write(decoder.end());
  parser.close();
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
