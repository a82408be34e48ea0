import { podLimits, podRequests, resolvePod } from '../../model/effective-request';
import { container, pod } from './resources-builders';

// component-helpers resource/helpers.go PodLimits: pod overhead is added to a limit only when that limit is
// set and non-zero (a zero limit stays zero); PodRequests always adds it.
describe('pod overhead and explicit zero limits', () => {
  it('a zero cpu limit stays zero with cpu overhead; a set memory limit gets the overhead', () => {
    const p = pod('p', [container('a', {}, { cpuMilli: 0, memoryMi: 64 })], {
      overhead: { cpuMilli: 50, memoryMi: 16 },
    });
    expect(podLimits(resolvePod(p))).toEqual({ cpu: 0, memory: 80 });
    expect(podRequests(resolvePod(p))).toEqual({ cpu: 50, memory: 80 });
  });
});
