import { FakeOfficeError } from "../../src/excel/testing";

/** The code of the Office error the promise fails with ("no error" when it does not fail); any other error rethrown. */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FakeOfficeError) return error.code;
    throw error;
  }
  return "no error";
}
