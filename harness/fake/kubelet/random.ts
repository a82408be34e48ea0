// The kubelet's reaction delays use the fake's one seeded generator; kept as a path for its importers.
export { SeededRandom } from '../seeded-random';
