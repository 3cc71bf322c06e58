import { readFileSync } from "node:fs";
import { join } from "node:path";
import { issueCodes, issueMessage } from "../../src/engine/messages";
import { label } from "../../src/engine/report/labels";

describe("messages", () => {
  it("has English and Polish text for every issue code, with the detail filled in", () => {
    for (const code of issueCodes) {
      expect(issueMessage(code, "en", "X")).not.toMatch(/\{detail\}/);
      expect(issueMessage(code, "pl", "X")).not.toBe(issueMessage(code, "en", "X"));
    }
    expect(issueMessage("invalid-amount", "pl", '"n/a"')).toBe('"n/a" nie jest kwotą; wiersz pominięto');
  });

  it("lists exactly these codes in docs/json-output.md", () => {
    const doc = readFileSync(join(__dirname, "../../docs/json-output.md"), "utf8");
    const listed = doc.slice(doc.indexOf("Issue codes:")).match(/`([a-z0-9-]+)`/g)?.map((c) => c.slice(1, -1)) ?? [];
    expect([...listed].sort()).toEqual([...issueCodes].sort());
  });
});

describe("labels", () => {
  it("fill holes in one pass, leaving $-patterns and braces in arguments alone", () => {
    expect(label("sources", "en", "{1} $& $1", "Bank")).toBe("Invoices: {1} $& $1 · Payments: Bank");
    expect(issueMessage("ignored-row", "en", '"$&"')).toBe('Row holds a single value ("$&") and no document; ignored');
  });
});
