/**
 * Masks payment-card numbers in text: runs of 13–19 digits (spaces or dashes allowed between them) that pass the
 * Luhn check keep only their last four digits. Applied to every text the engine takes from the user's data, so
 * no output — report sheet, JSON, message — can print a full card number.
 * @example maskCardNumbers("Paid by card 4111 1111 1111 1111, thanks") //=> "Paid by card **** **** **** 1111, thanks"
 */
export function maskCardNumbers(text: string): string {
  if (countDigits(text) < 13) return text;
  return text.replace(/\d(?:[ -]?\d){12,18}/g, (run) => {
    const digits = run.replace(/[ -]/g, "");
    if (!passesLuhn(digits)) return run;
    let keep = 4;
    let masked = "";
    for (let i = run.length - 1; i >= 0; i--) {
      const c = run[i]!;
      if (c >= "0" && c <= "9") masked = (keep-- > 0 ? c : "*") + masked;
      else masked = c + masked;
    }
    return masked;
  });
}

function countDigits(text: string): number {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) digits++;
  }
  return digits;
}

/** The Luhn checksum every card number carries. @example passesLuhn("4111111111111111") //=> true */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
