import { escapeXmlAttribute, escapeXmlText } from "./xmlEscape";

describe("escapeXmlText", () => {
  it("escapes markup and keeps quotes, which text may hold as they are", () => {
    expect(escapeXmlText(`Tom & "Jerry" <Ltd> 'x'`)).toBe(`Tom &amp; "Jerry" &lt;Ltd&gt; 'x'`);
    expect(escapeXmlText("plain")).toBe("plain");
  });

  describe("edge cases", () => {
    it("writes a carriage return as a character reference: a parser would make a literal one a line feed", () => {
      expect(escapeXmlText("a\r\nb")).toBe("a&#xD;\nb");
    });
    it("drops what XML 1.0 forbids: C0 controls but tab, LF, CR; U+FFFE, U+FFFF; unpaired surrogates", () => {
      expect(escapeXmlText("a\u0000b\u0008c\u000Bd\u001Fe\tf\ng")).toBe("abcde\tf\ng");
      expect(escapeXmlText("x\uFFFEy\uFFFFz")).toBe("xyz");
      expect(escapeXmlText("lone \uD800 and \uDC00 end \uD83D")).toBe("lone  and  end ");
      expect(escapeXmlText("pair 💶")).toBe("pair 💶");
    });
  });
});

describe("escapeXmlAttribute", () => {
  it("escapes double quotes, and white space a parser would normalise to a space", () => {
    expect(escapeXmlAttribute(`Say "hi" & <bye>`)).toBe("Say &quot;hi&quot; &amp; &lt;bye&gt;");
    expect(escapeXmlAttribute("a\tb\nc\rd")).toBe("a&#x9;b&#xA;c&#xD;d");
    expect(escapeXmlAttribute("ctrl\u0001")).toBe("ctrl");
  });
});
