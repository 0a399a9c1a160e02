export const DIST_TOOLS_DIR: string;
export const DIST_TOOLS: Record<string, string>;
export function distBindingRefusal(root: string, platform?: NodeJS.Platform): string | null;
export function missingDistTools(root: string): string[];
export function distToolsUnavailableLine(code: number): string;
