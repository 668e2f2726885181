import { format, resolveConfig } from 'prettier';
import { buildOpenApiDocument } from './openapi';
import { renderApiReference } from './openapi-markdown';

export const API_REFERENCE_PATH = 'docs/api.md';

/** The page as checked in: rendered, then formatted the way `prettier --check` wants it. */
export async function apiReferencePage(): Promise<string> {
  const config = await resolveConfig(API_REFERENCE_PATH);
  return format(renderApiReference(buildOpenApiDocument()), {
    ...config,
    filepath: API_REFERENCE_PATH,
  });
}
