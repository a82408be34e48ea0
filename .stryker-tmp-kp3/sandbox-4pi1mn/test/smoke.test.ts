// @ts-nocheck
import { KubeConfig } from '@kubernetes/client-node';
import fc from 'fast-check';
test('deps load', () => {
  const kc = new KubeConfig();
  expect(typeof kc.loadFromString).toBe('function');
  fc.assert(fc.property(fc.nat(), (n) => n >= 0));
});
