/**
 * The ledger: every accepted document in columns (typed arrays), so that applying cash and aging are single
 * passes over numbers rather than walks over objects.
 *
 * Signs: a debit (invoice, refund) is positive, a credit (credit note, payment) is negative, in minor units.
 */

export const KIND_INVOICE = 0;
export const KIND_CREDIT = 1;
export const KIND_PAYMENT = 2;
/** A credit that writes an invoice off as uncollectible (type "write-off", "odpis"): a credit of its own kind so the roll-forward can show it. */
export const KIND_WRITE_OFF = 3;
export type DocKind = typeof KIND_INVOICE | typeof KIND_CREDIT | typeof KIND_PAYMENT | typeof KIND_WRITE_OFF;
export const KIND_NAMES = ["invoice", "credit", "payment", "writeOff"] as const;
/** Kinds as the JSON names them: a write-off is a credit there. */
export const JSON_KIND_NAMES = ["invoice", "credit", "payment", "credit"] as const;

export const TABLE_INVOICES = 0;
export const TABLE_PAYMENTS = 1;

export interface CustomerInfo {
  readonly name: string;
  readonly id: string;
  readonly collector: string;
  readonly email: string;
  readonly phone: string;
}

export interface Ledger {
  readonly count: number;
  readonly kind: Uint8Array;
  /** Index into `customers`. */
  readonly customer: Int32Array;
  /** Index into `currencies`. */
  readonly currency: Int32Array;
  /** Document date (day number). */
  readonly date: Int32Array;
  /** Due date (day number); a credit or payment is "due" on its own date. */
  readonly due: Int32Array;
  /** Signed minor units: debit +, credit −. */
  readonly amount: Float64Array;
  /** Invoice or credit-note number; for a payment its number or reference text. */
  readonly document: readonly string[];
  /** For credits and payments: the free text or explicit reference to look for invoice numbers in. */
  readonly reference: ReadonlyArray<string | undefined>;
  /** For credits and payments: whether `reference` came from an explicit invoice-number column. */
  readonly explicitReference: Uint8Array;
  readonly sourceTable: Uint8Array;
  /** 1-based sheet row of the document. */
  readonly sourceRow: Int32Array;
  /** 1 when the row marks the invoice as disputed. */
  readonly disputed: Uint8Array;
  /** For document i, the invoices it refers to are refs[refStart[i] .. refStart[i + 1]) (see resolveReferences). */
  readonly refStart: Int32Array;
  readonly refs: Int32Array;
  readonly customers: readonly CustomerInfo[];
  readonly currencies: readonly string[];
}
