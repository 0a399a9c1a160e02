// `npm run bench [-- collection|proofs|browse|edit|sandbox|statistics|scheduler|optimizer|study|watch]`: prints performance numbers with ratios against
// baselines run in the same process. Nothing here asserts; read the numbers.
import { benchCollection } from './collection';

const which = new Set(process.argv.slice(2).filter((a) => !a.startsWith('--')));
const all = which.size === 0;

if (all || which.has('collection')) await benchCollection();
if (all || which.has('browse')) {
  const { benchBrowse } = await import('./browse');
  await benchBrowse();
}
if (all || which.has('statistics')) {
  const { benchStatistics } = await import('./statistics');
  await benchStatistics();
}
if (all || which.has('scheduler')) {
  const { benchScheduler } = await import('./scheduler');
  await benchScheduler();
}
if (all || which.has('optimizer')) {
  const { benchOptimizer } = await import('./optimizer');
  await benchOptimizer();
}
if (all || which.has('study')) {
  const { benchStudy } = await import('./study');
  await benchStudy();
}
if (all || which.has('edit')) {
  const { benchEdit } = await import('./edit');
  await benchEdit();
}
if (all || which.has('watch')) {
  const { benchWatch } = await import('./watch');
  await benchWatch();
}
if (all || which.has('sandbox')) {
  const { benchSandbox } = await import('./sandbox');
  await benchSandbox();
}
if (all || which.has('proofs')) {
  const { benchProofs } = await import('./proofs');
  await benchProofs({});
}
