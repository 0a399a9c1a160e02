// Numbered migrations, applied in order behind PRAGMA user_version. Append only: never edit a shipped one.
import { MIGRATION_001_INIT } from './001_init';
import { MIGRATION_002_CARD_STATE_SCOPE } from './002_card_state_scope';

export const MIGRATIONS: readonly string[] = [MIGRATION_001_INIT, MIGRATION_002_CARD_STATE_SCOPE];
