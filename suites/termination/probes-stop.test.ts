// Live: termination/probes-stop on the cluster of suites/live-setup.ts (skipped without one).
import { describeLiveProperty } from '../live-suite';
import { probesStop } from './probes-stop.property';

describeLiveProperty(probesStop);
