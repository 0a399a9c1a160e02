// Specs drive the built app: build it first when sources are newer than out/ (a no-op in `npm test`, which built).
import { ensureBuilt } from '../../scripts/lib/build.mjs';

export default function globalSetup(): void {
  ensureBuilt();
}
