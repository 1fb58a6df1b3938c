import * as z from 'zod/mini';
import './schema.ts'; // applies z.config({ jitless: true }) before this schema is built

export const catalogSchema = z.strictObject({
  datasets: z
    .array(
      z.strictObject({
        id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/)),
        title: z.string().check(z.minLength(1)),
        // A file name in public/data only: a catalog entry can never point elsewhere.
        file: z.string().check(z.regex(/^[a-z0-9][a-z0-9.-]*\.json$/)),
      }),
    )
    .check(z.minLength(1)),
});
