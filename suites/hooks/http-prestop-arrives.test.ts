import { assertLiveProperty } from '../live-suite';
import { httpPrestopArrives } from './http-prestop-arrives.property';

// Live: runs on the cluster chosen by suites/live-setup.ts, skipped when there is none.
assertLiveProperty(httpPrestopArrives);
