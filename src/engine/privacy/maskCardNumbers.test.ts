import { maskCardNumbers, passesLuhn } from "./maskCardNumbers";

describe("maskCardNumbers", () => {
  it.each([
    ["4111111111111111", "************1111"],
    ["Paid by card 4111 1111 1111 1111, thanks", "Paid by card **** **** **** 1111, thanks"],
    ["5500-0000-0000-0004", "****-****-****-0004"],
    ["Amex 378282246310005", "Amex ***********0005"],
  ])("masks %s", (text, masked) => {
    expect(maskCardNumbers(text)).toBe(masked);
  });
  it.each(["FV/2024/03/001", "4111111111111112", "1234567890123", "NIP 5260250274", "Tel. +48 600 100 200"])("leaves %s alone", (text) => {
    expect(maskCardNumbers(text)).toBe(text);
  });
  it("checks Luhn", () => {
    expect(passesLuhn("79927398713")).toBe(true);
    expect(passesLuhn("79927398710")).toBe(false);
  });
});
