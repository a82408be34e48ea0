import fc from 'fast-check';
import { defaultsApplied } from './suites/limitrange/defaults-applied.property';
import { defaultCapabilities, LATEST_VERSION } from './model/capabilities';
import { DEFAULT_MODEL_OPTIONS } from './model/expectation';
const caps = defaultCapabilities(LATEST_VERSION);
let n = 0;
for (const s of fc.sample(defaultsApplied.arbitrary(caps), { seed: 3, numRuns: 300 })) {
  const e = defaultsApplied.expect(s, caps, DEFAULT_MODEL_OPTIONS);
  if (!('pod.limitRangerAnnotation' in e.fields)) { if (n++ < 2) console.log(JSON.stringify(s.limitRange), JSON.stringify(s.pod.containers.map(c=>c.resources)), JSON.stringify(e.fields)); }
}
console.log(n, '/300');
