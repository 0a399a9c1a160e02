// Numbered migrations, applied in order behind PRAGMA user_version. Append only: never edit a shipped one.
import { MIGRATION_001_INIT } from './001_init';

export const MIGRATIONS: readonly string[] = [MIGRATION_001_INIT];
