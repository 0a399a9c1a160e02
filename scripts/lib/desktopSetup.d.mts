export type BindingJudgement =
  | { state: 'ok' | 'missing' | 'unreadable' }
  | { state: 'wrong-platform'; found: string }
  | { state: 'wrong-abi'; found: number };
export interface Attempt { name: string; command: string; args: string[]; cwd: string }
export type Exec = (command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }) => Promise<number>;
export type Probe = (host: string, timeoutMs: number) => Promise<string | null>;

export const BINDING_PATH: string;
export const BINDING_NOTE_PATH: string;
export const TOOLS: { prebuildInstall: string; electronRebuild: string };
export const WEB_FALLBACK: string;
export function binaryFormatOf(bytes: Buffer): 'elf' | 'mach-o' | 'pe' | null;
export function bindingAbiOf(bytes: Buffer): number | null;
export function electronAbi(input: { abiVersionText?: string | null; version: string; nodeAbiLookup?: (version: string) => string | number }): number | null;
export function judgeBinding(bytes: Buffer | null, target: { abi: number; platform: NodeJS.Platform }): BindingJudgement;
export function describeBinding(judgement: BindingJudgement, target: { abi: number; electronVersion: string; nodeAbi?: number }): string;
export function planSetup(input: { electronBinaryPresent: boolean; binding: BindingJudgement }): { electron: boolean; binding: boolean };
export function downloadHost(env: NodeJS.ProcessEnv): string;
export function usesProxy(env: NodeJS.ProcessEnv): boolean;
export function wantedThings(plan: { electron: boolean; binding: boolean }, electronVersion: string): string[];
export function offlineLine(input: { things: string[]; reason: string }): string;
export function childEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
export function bindingAttempts(input: { electronVersion: string; platform: string; arch: string; stagingDir: string; prebuildInstallBin: string | null; node: string }): Attempt[];
export function stagedBinding(stagingDir: string): string;
export function electronFacts(root: string, env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform): { version: string; abi: number | null; binary: string | null };
export function electronBinaryPath(root: string, env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform): string | null;
export function probeHost(host: string, timeoutMs: number): Promise<string | null>;
export function setupDesktop(options: {
  root: string;
  platform?: NodeJS.Platform;
  arch?: string;
  env?: NodeJS.ProcessEnv;
  exec: Exec;
  probe?: Probe;
  log: (line: string) => void;
  timeoutMs?: number;
}): Promise<{ ok: true; binary: string } | { ok: false; line: string }>;
