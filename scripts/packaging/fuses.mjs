// The Electron fuses the installers set (electronjs.org/docs/latest/tutorial/fuses), and where in a packaged app the
// executable and the resources are. Pure; scripts/packaging/afterPack.cjs applies it with @electron/fuses 1.8.x
// (2.x needs Node 22).

/**
 * By @electron/fuses' FuseV1Options names. Off: running the app as plain Node (ELECTRON_RUN_AS_NODE), NODE_OPTIONS
 * and --inspect (each lets whoever can set the environment or the command line run code as the app). On: cookie
 * encryption, loading the app only from its asar, and the asar's integrity check where Electron checks it and
 * electron-builder 26.0 writes the hash: macOS (Info.plist's ElectronAsarIntegrity). Windows is left off: with the
 * fuse flipped from an afterPack hook, electron-builder before its own `electronFuses` option did not embed the
 * integrity resource and the app died at start ("Failed to find file integrity info", electron-builder#8181) — not
 * verifiable here. Linux has no asar integrity check.
 */
export function fuseSettings(platform) {
  return {
    RunAsNode: false,
    EnableNodeOptionsEnvironmentVariable: false,
    EnableNodeCliInspectArguments: false,
    EnableCookieEncryption: true,
    OnlyLoadAppFromAsar: true,
    EnableEmbeddedAsarIntegrityValidation: platform === 'darwin' || platform === 'mas',
  };
}

/** The file @electron/fuses flips: the .app bundle on macOS, the executable elsewhere. */
export function electronExecutable({ appOutDir, platform, productFilename, executableName }) {
  if (platform === 'darwin' || platform === 'mas') return `${appOutDir}/${productFilename}.app`;
  if (platform === 'win32') return `${appOutDir}/${productFilename}.exe`;
  return `${appOutDir}/${executableName}`;
}

/** process.resourcesPath of the packaged app. */
export function resourcesDir({ appOutDir, platform, productFilename }) {
  return platform === 'darwin' || platform === 'mas' ? `${appOutDir}/${productFilename}.app/Contents/Resources` : `${appOutDir}/resources`;
}
