export type FuseName = 'RunAsNode' | 'EnableNodeOptionsEnvironmentVariable' | 'EnableNodeCliInspectArguments' | 'EnableCookieEncryption' | 'OnlyLoadAppFromAsar' | 'EnableEmbeddedAsarIntegrityValidation';
export function fuseSettings(platform: string): Record<FuseName, boolean>;
export function electronExecutable(app: { appOutDir: string; platform: string; productFilename: string; executableName: string }): string;
export function resourcesDir(app: { appOutDir: string; platform: string; productFilename: string }): string;
