// src/xlsx/xml: the XML underneath the .xlsx readers, without a parser library. A forward-only tokenizer that works
// on UTF-8 bytes in pieces and reports offsets (xmlScanner.ts, fed its pieces by scanXmlStream.ts), tag and
// attribute helpers that decode nothing they are not asked for (xmlTags.ts), and decoding of text and attribute
// values exactly as saxes, used before, did (xmlText.ts).
export { XmlScanner, type XmlTokenHandler } from "./xmlScanner";
export { scanXmlChunks } from "./scanXmlStream";
export { attributeValue, attributeValueEnd, attributeValueStart, hasBytesAt, isAsciiName, localNameStart, nextAttribute, PRESERVING_T, tagAttributes, type AttributeSpan } from "./xmlTags";
export { decodeXmlAttribute, decodeXmlCdata, decodeXmlText, utf8Text } from "./xmlText";
