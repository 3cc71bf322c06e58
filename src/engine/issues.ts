import type { IssueCode } from "./messages";

/**
 * A problem found in the user's data: a value, never an exception.
 * `error`: the row was left out; `warning`: the row was used with the stated assumption.
 */
export interface Issue {
  readonly sheet: string;
  /** 1-based sheet row; 0 when the issue concerns the whole sheet. */
  readonly row: number;
  /** Column letter (e.g. "C"), or "" when the issue concerns the whole row or sheet. */
  readonly column: string;
  readonly code: IssueCode;
  readonly severity: "error" | "warning";
  /** Details that fill the message template, e.g. the offending text. */
  readonly detail?: string;
}
