import { InitialSchema1764400000000 } from './1764400000000-initial-schema';
import { Handoff1764430000000 } from './1764430000000-handoff';
import { SignalsProfiles1764900000000 } from './1764900000000-signals-profiles';
import { ChurnScores1765000000000 } from './1765000000000-churn-scores';

/** Every migration, oldest first. Listed explicitly so the same list works from src and dist. */
export const allMigrations = [
  InitialSchema1764400000000,
  Handoff1764430000000,
  SignalsProfiles1764900000000,
  ChurnScores1765000000000,
];
