/** What dataset-query.ts loads on demand: the catalog's and the dataset's validators (zod with them). */
export { catalogSchema } from './catalog-schema.ts';
export { validateDataset } from './validate.ts';
