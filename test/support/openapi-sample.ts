/**
 * What Swagger UI pre-fills for a schema (its "Example Value"): the media/property `example`
 * when there is one, else a value built from the schema. Used to drive the API exactly as an
 * integrator pressing "Execute" unedited would.
 */
type Schema = Record<string, unknown>;
export type OpenApiDoc = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};
export interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  example?: unknown;
  schema?: Schema;
}
export interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: Schema; example?: unknown }> };
  responses: Record<string, unknown>;
  deprecated?: boolean;
  security?: unknown[];
  tags?: string[];
}

export function sampleOf(doc: OpenApiDoc, schema: Schema | undefined, depth = 0): unknown {
  if (!schema) return undefined;
  if (depth > 8) return undefined; // recursive schemas (menu sub_button)
  if (typeof schema.$ref === 'string') {
    return sampleOf(doc, doc.components.schemas[schema.$ref.split('/').pop()!], depth + 1);
  }
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.allOf)) {
    return Object.assign(
      {},
      ...schema.allOf.map((s) => sampleOf(doc, s as Schema, depth + 1) as object),
    );
  }
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  if (schema.properties) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(schema.properties as Record<string, Schema>)) {
      const value = sampleOf(doc, v, depth + 1);
      if (value !== undefined) out[k] = value;
    }
    return out;
  }
  switch (schema.type) {
    case 'array':
      return depth > 4 ? [] : [sampleOf(doc, schema.items as Schema, depth + 1)];
    case 'integer':
    case 'number':
      return schema.minimum ?? 0;
    case 'boolean':
      return true;
    case 'string':
      return schema.format === 'date-time' ? new Date().toISOString() : 'string';
    default:
      return {};
  }
}

/** The body Swagger UI sends for an operation left unedited. */
export function bodyExample(doc: OpenApiDoc, op: Operation): unknown {
  const media = op.requestBody?.content['application/json'];
  if (!media) return undefined;
  return media.example ?? sampleOf(doc, media.schema);
}

/** Path parameters (always needed) and the query parameters Swagger UI pre-fills. */
export function paramExamples(
  doc: OpenApiDoc,
  op: Operation,
): { path: Record<string, unknown>; query: Record<string, unknown> } {
  const path: Record<string, unknown> = {};
  const query: Record<string, unknown> = {};
  for (const p of op.parameters ?? []) {
    const value = p.example ?? p.schema?.example;
    if (p.in === 'path') path[p.name] = value ?? sampleOf(doc, p.schema);
    else if (p.in === 'query' && (value !== undefined || p.required)) {
      query[p.name] = value ?? sampleOf(doc, p.schema);
    }
  }
  return { path, query };
}
