export const repoRoot: string;
export function buildState(): 'fresh' | 'missing' | 'stale';
export function ensureBuilt(options?: { force?: boolean; log?: (line: string) => void }): void;
