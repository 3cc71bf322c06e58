/**
 * The key invoice numbers are compared by: without case and outer spaces; leading zeros count ("007" ≠ "7").
 * @example documentKey(" fv/2024/001 ") //=> "FV/2024/001"
 */
export function documentKey(document: string): string {
  return document.trim().toUpperCase();
}
