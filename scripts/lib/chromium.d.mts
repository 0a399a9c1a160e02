export function findChromium(options?: { install?: boolean; log?: (message: string) => void }): Promise<string>;
export const CHROMIUM_ARGS: string[];
