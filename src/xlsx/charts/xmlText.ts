/**
 * Text made safe for XML character data and for attribute values in double quotes, with the characters XML 1.0
 * forbids (control characters other than tab, line feed and carriage return) dropped. Apostrophes stay as they
 * are, so a chart formula reads as Excel shows it: 'AR Aging'!$B$5.
 * @example xmlText(`Tom & "Jerry" <ltd>`)  //=> "Tom &amp; &quot;Jerry&quot; &lt;ltd&gt;"
 */
export function xmlText(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex -- exactly the control characters XML 1.0 forbids
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}
