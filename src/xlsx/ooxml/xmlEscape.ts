// eslint-disable-next-line no-control-regex -- what escapeXmlText changes: markup, carriage return, characters XML 1.0 forbids
const TEXT_SPECIAL = /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
// eslint-disable-next-line no-control-regex -- the same plus what an attribute value in double quotes must escape
const ATTRIBUTE_SPECIAL = /[&<>"\t\n\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
// eslint-disable-next-line no-control-regex -- exactly the characters XML 1.0 forbids: C0 controls other than tab, LF, CR; U+FFFE, U+FFFF; unpaired surrogates
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// eslint-disable-next-line no-control-regex -- a quick test for anything withoutNonXmlCharacters must remove
const MAYBE_NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Text without the characters XML 1.0 forbids (see NOT_XML); the same string when it has none. */
export function withoutNonXmlCharacters(text: string): string {
  return MAYBE_NOT_XML.test(text) ? text.replace(NOT_XML, "") : text;
}

/**
 * Text as XML character data: `&`, `<` and `>` escaped; a carriage return as `&#xD;`, since a parser turns a
 * literal one into a line feed; characters XML 1.0 forbids dropped (report texts lose them earlier, in the plan:
 * see excelSafeText).
 * @example escapeXmlText("Tom & Jerry <ltd>")  //=> "Tom &amp; Jerry &lt;ltd&gt;"
 */
export function escapeXmlText(text: string): string {
  if (!TEXT_SPECIAL.test(text)) return text;
  return text.replace(NOT_XML, "").replace(/[&<>\r]/g, (char) => TEXT_ENTITIES[char]!);
}

/**
 * Text as an attribute value in double quotes: as escapeXmlText, plus `"`, and tab, line feed and carriage
 * return as character references (a parser turns a literal one into a space).
 * @example escapeXmlAttribute('Say "hi"\n')  //=> "Say &quot;hi&quot;&#xA;"
 */
export function escapeXmlAttribute(text: string): string {
  if (!ATTRIBUTE_SPECIAL.test(text)) return text;
  return text.replace(NOT_XML, "").replace(/[&<>"\t\n\r]/g, (char) => ATTRIBUTE_ENTITIES[char]!);
}

const TEXT_ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#xD;" };
const ATTRIBUTE_ENTITIES: Readonly<Record<string, string>> = { ...TEXT_ENTITIES, '"': "&quot;", "\t": "&#x9;", "\n": "&#xA;" };
