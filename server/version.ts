// Imported, not read from disk: the desktop app bundles the service into one file.
import pkg from '../package.json' with { type: 'json' };

export const SERVICE_VERSION: string = pkg.version;
