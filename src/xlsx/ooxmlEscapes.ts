/**
 * `_x000D_` and the like: OOXML's escape for characters XML cannot carry, in the text of `<t>` elements (ExcelJS
 * decodes them the same way).
 * @example decodeOoxmlEscapes("a_x000D_b")  //=> "a\rb"
 */
export function decodeOoxmlEscapes(text: string): string {
  return text.indexOf("_x") < 0
    ? text
    : text.replace(/_x([0-9A-Fa-f]{4})_/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
