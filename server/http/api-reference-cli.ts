import { writeFileSync } from 'node:fs';
import { API_REFERENCE_PATH, apiReferencePage } from './api-reference-page';

// `npm run docs:api` (from the repository root): docs/api.md from the OpenAPI document.
writeFileSync(API_REFERENCE_PATH, await apiReferencePage());
process.stdout.write(`wrote ${API_REFERENCE_PATH}\n`);
