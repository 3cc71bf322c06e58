import { scanXmlChunks } from "./scanXmlStream";
import { XmlScanner, type XmlTokenHandler } from "./xmlScanner";
import { attributeValue, localNameStart, tagAttributes } from "./xmlTags";
import { decodeXmlAttribute, decodeXmlCdata, decodeXmlText, utf8Text } from "./xmlText";

/** Every token as text: what a handler sees, decoded. */
class Recorder implements XmlTokenHandler {
  readonly tokens: string[] = [];
  openTag(source: Buffer, nameStart: number, nameEnd: number, attributesEnd: number): number {
    const attributes = tagAttributes(source, nameEnd, attributesEnd);
    this.tokens.push(`<${source.toString("utf8", nameStart, nameEnd)} ${JSON.stringify(attributes)}>`);
    return -1;
  }
  closeTag(source: Buffer, nameStart: number, nameEnd: number): void {
    this.tokens.push(`</${source.toString("utf8", nameStart, nameEnd)}>`);
  }
  text(source: Buffer, start: number, end: number): void {
    this.tokens.push(`text ${JSON.stringify(decodeXmlText(source, start, end))}`);
  }
  cdata(source: Buffer, start: number, end: number): void {
    this.tokens.push(`cdata ${JSON.stringify(decodeXmlCdata(source, start, end))}`);
  }
}

function tokensOf(pieces: readonly Buffer[]): string[] {
  const recorder = new Recorder();
  const scanner = new XmlScanner(recorder);
  for (const piece of pieces) scanner.write(piece);
  scanner.end();
  return recorder.tokens;
}

const DOCUMENT = Buffer.from(
  '\ufeff<?xml version="1.0" encoding="UTF-8"?>\r\n' +
    '<!DOCTYPE x [ <!ENTITY e "a>b"> <!-- ] > --> ]>\n' +
    "<!-- before <root> -->" +
    '<x:root xmlns:x="urn:x" a=\'1 > 0\' b="say &quot;hi&quot;\tnow">' +
    "<x:c r=\"A1\"/>text &amp; &lt;more&gt; &#65;&#x42; Zażółć\r\nline" +
    "<![CDATA[<not a tag> ]] & ]]>" +
    "<?pi data?><!-- a comment with <tags> -->" +
    "<empty></empty ><t xml:space='preserve'>  two  </t>" +
    "</x:root>\n<!-- after -->\n",
  "utf8",
);

const EXPECTED = [
  '<x:root {"xmlns:x":"urn:x","a":"1 > 0","b":"say \\"hi\\" now"}>',
  '<x:c {"r":"A1"}>',
  "</x:c>",
  'text "text & <more> AB Zażółć\\nline"',
  'cdata "<not a tag> ]] & "',
  "<empty {}>",
  "</empty>",
  '<t {"xml:space":"preserve"}>',
  'text "  two  "',
  "</t>",
  "</x:root>",
];

describe("XmlScanner", () => {
  it("reports tags, text and CDATA, skipping the declaration, doctype, comments and processing instructions", () => {
    expect(tokensOf([DOCUMENT])).toEqual(EXPECTED);
  });

  it("reports the same tokens wherever the input is cut, inside a tag, an entity or a UTF-8 character", () => {
    for (let cut = 1; cut < DOCUMENT.length; cut++) {
      expect({ cut, tokens: tokensOf([DOCUMENT.subarray(0, cut), DOCUMENT.subarray(cut)]) }).toEqual({ cut, tokens: EXPECTED });
    }
    // And in pieces of every small size at once.
    for (let size = 1; size <= 7; size++) {
      const pieces: Buffer[] = [];
      for (let at = 0; at < DOCUMENT.length; at += size) pieces.push(DOCUMENT.subarray(at, at + size));
      expect(tokensOf(pieces)).toEqual(EXPECTED);
    }
  });

  it("gives scanXmlChunks the same tokens from chunks that share one buffer", () => {
    const shared = Buffer.alloc(16);
    function* reused(): Generator<Buffer> {
      for (let at = 0; at < DOCUMENT.length; at += 16) {
        const length = DOCUMENT.copy(shared, 0, at, Math.min(at + 16, DOCUMENT.length));
        yield shared.subarray(0, length);
      }
    }
    const recorder = new Recorder();
    scanXmlChunks(reused(), recorder);
    expect(recorder.tokens).toEqual(EXPECTED);
  });

  it("goes on after an element a handler read whole, reporting nothing inside it", () => {
    const seen: string[] = [];
    const handler: XmlTokenHandler = {
      openTag(source, nameStart, nameEnd, _attributesEnd, tagEnd) {
        const name = source.toString("utf8", nameStart, nameEnd);
        seen.push(name);
        return name === "skip" ? source.indexOf("</skip>", tagEnd) + "</skip>".length : -1;
      },
      closeTag(source, nameStart, nameEnd) {
        seen.push(`/${source.toString("utf8", nameStart, nameEnd)}`);
      },
      text() {},
      cdata() {},
    };
    const scanner = new XmlScanner(handler);
    scanner.write(Buffer.from("<a><skip><b/></skip><c/></a>"));
    scanner.end();
    expect(seen).toEqual(["a", "skip", "c", "/c", "/a"]);
  });

  describe("edge cases", () => {
    it("refuses input cut inside a tag, before the root is closed, or without a root", () => {
      const end = (xml: string) => () => tokensOf([Buffer.from(xml)]);
      expect(end("<a><b attr='x")).toThrow("ends inside a tag");
      expect(end("<a><b>text</b>")).toThrow("before its root element is closed");
      expect(end("<?xml version='1.0'?>")).toThrow("no root element");
      expect(end("<a><!ELEMENT x></a>")).toThrow("is not a comment, CDATA or DOCTYPE");
    });

    it("refuses a token that never ends instead of rescanning it forever", () => {
      const scanner = new XmlScanner(new Recorder());
      scanner.write(Buffer.from("<a><b attr='"));
      expect(() => {
        for (let i = 0; i < 40; i++) scanner.write(Buffer.alloc(512 * 1024, 0x61));
      }).toThrow("runs on for more than");
    });
  });
});

describe("xmlText", () => {
  const text = (xml: string) => decodeXmlText(Buffer.from(xml), 0, Buffer.byteLength(xml));
  const attribute = (xml: string) => decodeXmlAttribute(Buffer.from(xml), 0, Buffer.byteLength(xml));

  it("decodes the five entities and character references, and normalizes line ends in text", () => {
    expect(text("&amp;&lt;&gt;&quot;&apos;")).toBe("&<>\"'");
    expect(text("&#65;&#x42;&#x1F600;&#261;")).toBe("AB😀ą");
    expect(text("a\r\nb\rc\nd")).toBe("a\nb\nc\nd");
    // A carriage return written as a reference is kept (it is not a line end of the XML).
    expect(text("a&#13;\r\nb")).toBe("a\r\nb");
  });

  it("turns tabs and line ends in an attribute into spaces, but not those written as references", () => {
    expect(attribute("a\tb\nc\r\nd")).toBe("a b c d");
    expect(attribute("a&#10;b&#9;c")).toBe("a\nb\tc");
  });

  it("keeps CDATA literal except for line ends", () => {
    expect(decodeXmlCdata(Buffer.from("&amp;\r\n<"), 0, 8)).toBe("&amp;\n<");
  });

  it("decodes UTF-8 as Buffer#toString does, invalid bytes included", () => {
    const bytes = Buffer.from([0x41, 0xc5, 0x82, 0xff, 0xe2, 0x82]);
    expect(utf8Text(bytes, 0, bytes.length)).toBe(bytes.toString("utf8"));
  });

  describe("edge cases", () => {
    it("refuses what saxes refused: undefined entities, a bare ampersand, &#X, references to characters XML forbids", () => {
      expect(() => text("&nbsp;")).toThrow("undefined entity");
      expect(() => text("AT&T")).toThrow('"&" without ";"');
      expect(() => text("&#X41;")).toThrow("character reference");
      expect(() => text("&#0;")).toThrow("character reference");
      expect(() => text("&#xD800;")).toThrow("character reference");
      expect(() => text("&constructor;")).toThrow("undefined entity");
    });
  });
});

describe("xmlTags", () => {
  it("finds local names and attribute values by their name as written", () => {
    const tag = Buffer.from(`<x:sheet name="A &amp; B" r:id='rId1' sheetId="2"/>`);
    expect(localNameStart(tag, 1, 8)).toBe(3);
    expect(attributeValue(tag, 8, tag.length - 2, "name")).toBe("A & B");
    expect(attributeValue(tag, 8, tag.length - 2, "r:id")).toBe("rId1");
    expect(attributeValue(tag, 8, tag.length - 2, "id")).toBeUndefined();
    expect(tagAttributes(tag, 8, tag.length - 2)).toEqual({ name: "A & B", "r:id": "rId1", sheetId: "2" });
  });
});
