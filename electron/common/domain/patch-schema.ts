import { z } from 'zod';

/**
 * The patch of a record whose input is `schema`: every field may be left out, and a field left
 * out is absent from what is parsed. Zod 4's `partial()` keeps each field's default and fills
 * it in for a field the patch leaves out, so a patch that changes a commitment's status also
 * set its evidence to "" and its follow-up steps to none: a form that sends only what changed
 * emptied the rest. Here a field's default is taken off before it is made optional.
 */
export function patchOf<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>) {
  const partial = schema.partial();
  const withoutDefaults: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    if (field instanceof z.ZodDefault)
      withoutDefaults[key] = z.optional(field.unwrap() as z.ZodType);
  }
  return partial.extend(withoutDefaults) as unknown as typeof partial;
}
