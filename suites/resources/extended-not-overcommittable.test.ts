import { assertLiveProperty } from '../live-suite';
import { extendedNotOvercommittable } from './extended-not-overcommittable.property';

// Live: runs on the cluster chosen by suites/live-setup.ts, skipped when there is none.
assertLiveProperty(extendedNotOvercommittable);
