import { join } from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

/**
 * The build generates functions.json from the JSDoc tags of src/functions/functions.ts (custom-functions-metadata,
 * the generator behind the webpack plugin); this checks what Excel will be told.
 */
describe("custom functions metadata", () => {
  it("declares the five RECEIVABLES functions with their parameters and results", async () => {
    const result = await generateCustomFunctionsMetadata(join(__dirname, "../../src/functions/functions.ts"));
    expect(result.errors).toEqual([]);
    const metadata = JSON.parse(result.metadataJson) as {
      functions: Array<{ id: string; parameters: Array<{ name: string; type: string; optional?: boolean }>; result: { type: string; dimensionality?: string } }>;
    };
    const shape = metadata.functions.map((f) => ({
      id: f.id,
      parameters: f.parameters.map((p) => `${p.name}${p.optional ? "?" : ""}:${p.type}`),
      result: `${f.result.type}${f.result.dimensionality === "matrix" ? "[][]" : ""}`,
    }));
    expect(shape).toEqual([
      { id: "DAYSPASTDUE", parameters: ["dueDate:number", "asOf?:number"], result: "number" },
      { id: "BUCKET", parameters: ["dueDate:number", "asOf?:number", "ladder?:string"], result: "string" },
      { id: "EXPECTEDDATE", parameters: ["customer:string", "dueDate:number", "amount:number"], result: "number" },
      { id: "COLLECTED", parameters: ["customer:string", "dueDate:number", "days:number"], result: "number" },
      { id: "FORECAST", parameters: ["startDate:number", "weeks:number", "currency?:string"], result: "number[][]" },
    ]);
  });
});
