export const repoRoot: string;
export function needsBuild(): boolean;
export function ensureBuilt(options?: { force?: boolean }): void;
