/**
 * What a failed `context.sync()` rejects with, shaped like `OfficeExtension.Error`: a `code` from
 * `Excel.ErrorCodes` / `OfficeExtension.ErrorCodes` and a message.
 */
export class FakeOfficeError extends Error {
  override readonly name = "OfficeExtension.Error";
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

export const errorCodes = {
  propertyNotLoaded: "PropertyNotLoaded",
  invalidArgument: "InvalidArgument",
  invalidOperation: "InvalidOperation",
  itemNotFound: "ItemNotFound",
  itemAlreadyExists: "ItemAlreadyExists",
  invalidObjectPath: "InvalidObjectPath",
  generalException: "GeneralException",
  requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
  responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
  notImplemented: "NotImplemented",
  /** What Excel answers for an edit of a protected sheet. */
  accessDenied: "AccessDenied",
  /** `Excel.ErrorCodes.requestAborted`: the request was abandoned while it ran (the fake's "timeout" failure). */
  requestAborted: "RequestAborted",
} as const;
