import type { Client } from './factory.js';

export interface UnitImportInput {
  filename: string;
  contentBase64: string;
  dryRun: boolean;
  deactivateMissing?: boolean;
}

interface UnitImportAnswer {
  data?: { importUnits: Record<string, any> };
  errors?: { message: string; extensions: { code: string; field?: string } }[];
}

/** POST /imports/units with the file as bytes; answers like a GraphQL call so the cases read the same. */
export async function importUnits(client: Client, input: UnitImportInput): Promise<UnitImportAnswer> {
  const fields: Record<string, string> = { dryRun: String(input.dryRun) };
  if (input.deactivateMissing !== undefined) fields.deactivateMissing = String(input.deactivateMissing);
  const res = await client.upload(
    '/imports/units',
    { name: input.filename, bytes: Buffer.from(input.contentBase64, 'base64') },
    fields,
  );
  if (res.status === 200) return { data: { importUnits: res.body } };
  return {
    errors: [
      {
        message: res.body.message as string,
        extensions: { code: res.body.code as string, field: res.body.field as string | undefined },
      },
    ],
  };
}

/** importUnits that must succeed. */
export async function importUnitsOk(
  client: Client,
  input: UnitImportInput,
): Promise<{ importUnits: Record<string, any> }> {
  const res = await importUnits(client, input);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!;
}
