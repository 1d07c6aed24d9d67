// Errors the user can fix (bad input or configuration) are told apart from
// failures of ours: the CLI exits 2 for the first, 1 for the second.
export class BadInputError extends Error {
  override name = "BadInputError";
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** The database file is damaged or not a database: the operator restores a backup or recovers it (exit status 2). */
export class DamagedDatabaseError extends ConfigError {
  override name = "DamagedDatabaseError";
}

export function isUserError(error: unknown): error is BadInputError | ConfigError {
  return error instanceof BadInputError || error instanceof ConfigError;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
