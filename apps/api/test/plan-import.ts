import type { Client } from './factory.js';

/** What the import wizard sends to POST /imports/plan: a document (`bytes`, named `filename`) or pasted text. */
export interface PlanImportInput {
  text?: string;
  filename?: string;
  bytes?: Buffer;
  year?: number;
  planIndex?: number;
  allowDuplicate?: boolean;
}

interface Refusal {
  message: string;
  extensions: { code: string; field?: string; [fact: string]: unknown };
}

interface ImportedPlan {
  id: string;
  title: string;
  year: number;
  status: string;
  version: number;
}

const PLAN = `query($id: ID!) { plan(id: $id) { id title year status version } }`;

function upload(client: Client, path: string, input: PlanImportInput) {
  const fields: Record<string, string> = {};
  if (input.text != null) fields.text = input.text;
  if (input.year != null) fields.year = String(input.year);
  if (input.planIndex != null) fields.planIndex = String(input.planIndex);
  if (input.allowDuplicate) fields.allowDuplicate = 'true';
  return client.upload(path, input.bytes ? { name: input.filename ?? '要点.txt', bytes: input.bytes } : null, fields);
}

function refusal(body: Record<string, any>): Refusal {
  return {
    message: body.message,
    extensions: { ...body.extensions, code: body.code, ...(body.field ? { field: body.field } : {}) },
  };
}

/**
 * POST /imports/plan, answered like a GraphQL call (`data.importPlan` with the new draft's status and
 * version, or `errors` with code, field and further facts) so the cases read the same.
 */
export async function uploadPlan(
  client: Client,
  input: PlanImportInput,
): Promise<{ data?: { importPlan: ImportedPlan }; errors?: Refusal[] }> {
  const res = await upload(client, '/imports/plan', input);
  if (res.status !== 201) return { errors: [refusal(res.body)] };
  return { data: { importPlan: (await client.ok(PLAN, { id: res.body.id })).plan } };
}

/** uploadPlan that must succeed. */
export async function uploadPlanOk(client: Client, input: PlanImportInput): Promise<{ importPlan: ImportedPlan }> {
  const res = await uploadPlan(client, input);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!;
}

/** POST /imports/plan/choices: the plans a document holds. */
export async function uploadPlanChoices(client: Client, input: PlanImportInput) {
  const res = await upload(client, '/imports/plan/choices', input);
  if (res.status !== 200) return { errors: [refusal(res.body)] };
  return {
    data: {
      planImportChoices: res.body.choices as {
        index: number;
        title: string | null;
        year: number | null;
        keyPoints: number;
        impliedUnits: number;
      }[],
    },
  };
}
