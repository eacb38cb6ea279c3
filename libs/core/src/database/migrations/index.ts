import { InitialSchema1732560000000 } from './1732560000000-initial-schema';

/** Listed explicitly (no globs) so the same list works from ts-node, dist and jest. */
export const migrations = [InitialSchema1732560000000];
