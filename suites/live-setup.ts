import { findLiveCluster } from '../harness/live-cluster';

/**
 * Jest global setup: decides once per `npm test` whether the live property suites run. Without a
 * reachable cluster it prints one line saying how to enable them, and the suites are skipped.
 */
export default async function liveSetup(): Promise<void> {
  const found = await findLiveCluster();
  if ('skipReason' in found) {
    process.env.KUBEPROP_LIVE = '0';
    process.stderr.write(`\n${found.skipReason.replace('live cluster tests', 'live property suites')}\n`);
    return;
  }
  process.env.KUBEPROP_LIVE = '1';
  process.stderr.write(
    `\nlive property suites run against ${found.description} (${found.version.gitVersion})\n`,
  );
}
