/** The resolved connection string: DATABASE_URL, or the embedded server's. */
export const DATABASE_URL = Symbol('DATABASE_URL');
/** The embedded server handle (or null), stopped after everything else has shut down. */
export const EMBEDDED_DATABASE = Symbol('EMBEDDED_DATABASE');
