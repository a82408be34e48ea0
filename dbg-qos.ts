import fc from 'fast-check';
import { qosClass as q } from './harness/fake/kubelet/pod-resources';
import { podManifest } from './generators/manifests/pod-manifest';
import { qosClass } from './suites/resources/qos-class.property';
import { defaultCapabilities, LATEST_VERSION } from './model/capabilities';
const caps = defaultCapabilities(LATEST_VERSION);
const s = fc.sample(qosClass.arbitrary(caps), { seed: 11, numRuns: 200 });
let diff = 0;
for (const sc of s) { const m = podManifest(sc.pod, { image: 'x' } as never); if (q(m) !== q(m, true)) diff++; }
console.log(diff, '/ 200');
