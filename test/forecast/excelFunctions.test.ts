import { dayFromCivil } from "../../src/engine/dates/civil";
import { serialFromDay } from "../../src/engine/dates/excelSerial";
import { bucket, daysPastDue, expectedDate, forecastModels } from "../../src/functions/functions";

/** A stand-in for Office's CustomFunctions runtime: only what the wrapper uses. */
class RuntimeError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

describe("the Excel wrapper", () => {
  beforeAll(() => {
    (globalThis as Record<string, unknown>).CustomFunctions = {
      Error: RuntimeError,
      ErrorCode: { notAvailable: "#N/A", invalidValue: "#VALUE!", invalidNumber: "#NUM!" },
    };
  });
  afterAll(() => {
    delete (globalThis as Record<string, unknown>).CustomFunctions;
  });

  it("passes values through", () => {
    const due = serialFromDay(dayFromCivil(2025, 1, 31));
    expect(daysPastDue(due, due + 15)).toBe(15);
    expect(bucket(due, due + 45)).toBe("31–60");
  });

  it("throws CustomFunctions.Error with the matching code and a clear message", async () => {
    expect(() => daysPastDue(60)).toThrow(RuntimeError);
    forecastModels.setSource(undefined);
    await expect(expectedDate("Anyone", 46000, 100)).rejects.toMatchObject({ code: "#N/A", message: expect.stringContaining("No forecast model") });
  });
});
