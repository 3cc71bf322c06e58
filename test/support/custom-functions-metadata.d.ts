// The generator behind custom-functions-metadata-plugin ships no types.
declare module "custom-functions-metadata" {
  export function generateCustomFunctionsMetadata(
    input: string | string[],
    wantConsoleOutput?: boolean,
  ): Promise<{ metadataJson: string; associate: Array<{ id: string; functionName: string }>; errors: string[] }>;
}
