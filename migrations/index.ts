import { InitialSchema1764400000000 } from './1764400000000-initial-schema';

/** Every migration, oldest first. Listed explicitly so the same list works from src and dist. */
export const allMigrations = [InitialSchema1764400000000];
