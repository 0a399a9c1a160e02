// Numbered migrations, applied in order behind PRAGMA user_version. Append only: never edit a shipped one.
import { MIGRATION_001_INIT } from './001_init';
import { MIGRATION_002_CARD_STATE_SCOPE } from './002_card_state_scope';
import { MIGRATION_003_BROWSE_SEARCH } from './003_browse_search';
import { MIGRATION_004_DROP_SEARCH_MIRROR } from './004_drop_search_mirror';
import { MIGRATION_005_EDIT_UNDO } from './005_edit_undo';
import { MIGRATION_006_ANSWER_UNDO } from './006_answer_undo';
import { MIGRATION_007_STATISTICS } from './007_statistics';
import { MIGRATION_008_IMPORT_BASELINES } from './008_import_baselines';
import { MIGRATION_009_PRESETS_FSRS } from './009_presets_fsrs';
import { MIGRATION_010_CODE_ATTEMPTS } from './010_code_attempts';
import { MIGRATION_011_MOCK_INTERVIEWS } from './011_mock_interviews';
import { MIGRATION_012_DECK_LANG } from './012_deck_lang';

export const MIGRATIONS: readonly string[] = [
  MIGRATION_001_INIT,
  MIGRATION_002_CARD_STATE_SCOPE,
  MIGRATION_003_BROWSE_SEARCH,
  MIGRATION_004_DROP_SEARCH_MIRROR,
  MIGRATION_005_EDIT_UNDO,
  MIGRATION_006_ANSWER_UNDO,
  MIGRATION_007_STATISTICS,
  MIGRATION_008_IMPORT_BASELINES,
  MIGRATION_009_PRESETS_FSRS,
  MIGRATION_010_CODE_ATTEMPTS,
  MIGRATION_011_MOCK_INTERVIEWS,
  MIGRATION_012_DECK_LANG,
];
