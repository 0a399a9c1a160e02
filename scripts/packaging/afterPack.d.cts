/** electron-builder's AfterPackContext, as far as the hook reads it. */
interface AfterPackContext {
  appOutDir: string;
  electronPlatformName: string;
  arch: number;
  packager: { projectDir: string; executableName: string; appInfo: { productFilename: string } };
}
declare function afterPack(context: AfterPackContext): Promise<void>;
export = afterPack;
