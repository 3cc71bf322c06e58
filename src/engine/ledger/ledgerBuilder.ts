import type { CustomerInfo, DocKind, Ledger } from "./ledger";
import { float64Column, int32Column, uint8Column } from "./columnArrays";

/**
 * Customer identity: by ID when the row has one, else by name folded to its letters and digits in any script
 * (case, diacritics, punctuation, spaces and direction marks ignored), so "Kowalski Sp. z o.o." and
 * "KOWALSKI SP Z OO" are one customer and Arabic, Hebrew or Cyrillic names stay apart. A name with no letter or
 * digit at all keys by itself.
 * @example customerKey("Zakład  Ślusarski", "") //=> "name:zakladslusarski"
 */
export function customerKey(name: string, id: string): string {
  if (id !== "") return `id:${id.toUpperCase()}`;
  const folded = isAscii(name)
    ? // The same fold for plain ASCII (nothing to decompose, no marks; its only letters and digits are these), without
      // Unicode normalisation and property classes: most names in a ledger.
      name.toLowerCase().replace(/[^a-z0-9]+/g, "")
    : name.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/ł/g, "l").replace(/[^\p{L}\p{N}]+/gu, "");
  return `name:${folded === "" ? name.trim() : folded}`;
}

function isAscii(text: string): boolean {
  for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) > 0x7f) return false;
  return true;
}

/**
 * Columns filled row by row into typed arrays sized up front (the number of sheet rows bounds the number of
 * documents), so reading a million rows allocates a handful of arrays rather than a million objects.
 */
export class LedgerBuilder {
  private count = 0;
  private readonly kind: Uint8Array;
  private readonly customerOf: Int32Array;
  private readonly currencyOf: Int32Array;
  private readonly date: Int32Array;
  private readonly due: Int32Array;
  private readonly amount: Float64Array;
  private readonly document: string[];
  private readonly reference: Array<string | undefined>;
  private readonly explicitReference: Uint8Array;
  private readonly table: Uint8Array;
  private readonly row: Int32Array;
  private readonly disputed: Uint8Array;
  private readonly customers: CustomerInfo[] = [];
  private readonly customerByKey = new Map<string, number>();
  /** Exact spellings already resolved, by ID then name: the common case costs two map lookups and no string. */
  private readonly customerBySpelling = new Map<string, Map<string, number>>();
  private readonly currencies: string[] = [];
  private readonly currencyByCode = new Map<string, number>();

  constructor(capacity: number) {
    this.kind = uint8Column(capacity);
    this.customerOf = int32Column(capacity);
    this.currencyOf = int32Column(capacity);
    this.date = int32Column(capacity);
    this.due = int32Column(capacity);
    this.amount = float64Column(capacity);
    this.explicitReference = uint8Column(capacity);
    this.table = uint8Column(capacity);
    this.row = int32Column(capacity);
    this.disputed = uint8Column(capacity);
    // Sized once like the typed columns: growing by push copied two arrays of a million pointers several times.
    this.document = new Array<string>(capacity);
    this.reference = new Array<string | undefined>(capacity);
  }

  /**
   * The index of a customer, created if new. Keeps the first non-empty contact details and the alphabetically
   * first spelling of the name, so the result does not depend on the order of rows.
   */
  customer(name: string, id: string, collector: string, email: string, phone: string): number {
    let byName = this.customerBySpelling.get(id);
    if (!byName) this.customerBySpelling.set(id, (byName = new Map()));
    let index = byName.get(name);
    if (index === undefined) {
      index = this.resolveCustomer(name, id);
      byName.set(name, index);
    }
    const known = this.customers[index]!;
    const betterName = name !== "" && (known.name === known.id || name < known.name) ? name : known.name;
    if (
      betterName !== known.name ||
      (known.collector === "" && collector !== "") ||
      (known.email === "" && email !== "") ||
      (known.phone === "" && phone !== "")
    ) {
      this.customers[index] = {
        name: betterName,
        id: known.id,
        collector: known.collector || collector,
        email: known.email || email,
        phone: known.phone || phone,
      };
    }
    return index;
  }

  private resolveCustomer(name: string, id: string): number {
    const byId = id !== "" ? this.customerByKey.get(customerKey("", id)) : undefined;
    const byName = name !== "" ? this.customerByKey.get(customerKey(name, "")) : undefined;
    let index = byId ?? (id === "" ? byName : undefined);
    if (index === undefined) {
      index = this.customers.length;
      this.customers.push({ name: name || id, id, collector: "", email: "", phone: "" });
      if (id !== "") this.customerByKey.set(customerKey("", id), index);
    }
    if (name !== "" && byName === undefined) this.customerByKey.set(customerKey(name, ""), index);
    return index;
  }

  /** A customer by name alone, created if needed (for payments whose customer comes from nowhere else). */
  namedCustomer(name: string): number {
    return this.customer(name, "", "", "", "");
  }

  customerList(): readonly CustomerInfo[] {
    return this.customers;
  }

  currency(code: string): number {
    let index = this.currencyByCode.get(code);
    if (index === undefined) {
      index = this.currencies.length;
      this.currencies.push(code);
      this.currencyByCode.set(code, index);
    }
    return index;
  }

  push(
    kind: DocKind, customer: number, currency: number, date: number, due: number, amount: number, document: string,
    reference: string | undefined, explicitReference: boolean, table: number, row: number, disputed: boolean,
  ): void {
    const i = this.count++;
    this.kind[i] = kind;
    this.customerOf[i] = customer;
    this.currencyOf[i] = currency;
    this.date[i] = date;
    this.due[i] = due;
    this.amount[i] = amount;
    this.document[i] = document;
    this.reference[i] = reference;
    this.explicitReference[i] = explicitReference ? 1 : 0;
    this.table[i] = table;
    this.row[i] = row;
    this.disputed[i] = disputed ? 1 : 0;
  }

  finish(): Omit<Ledger, "refStart" | "refs"> {
    const n = this.count;
    this.document.length = n;
    this.reference.length = n;
    return {
      count: n,
      kind: this.kind.subarray(0, n),
      customer: this.customerOf.subarray(0, n),
      currency: this.currencyOf.subarray(0, n),
      date: this.date.subarray(0, n),
      due: this.due.subarray(0, n),
      amount: this.amount.subarray(0, n),
      document: this.document,
      reference: this.reference,
      explicitReference: this.explicitReference.subarray(0, n),
      sourceTable: this.table.subarray(0, n),
      sourceRow: this.row.subarray(0, n),
      disputed: this.disputed.subarray(0, n),
      customers: this.customers,
      currencies: this.currencies,
    };
  }
}
