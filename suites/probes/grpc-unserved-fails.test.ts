import { assertLiveProperty } from '../live-suite';
import { grpcUnservedFails } from './grpc-unserved-fails.property';

// Live: runs on the cluster chosen by suites/live-setup.ts, skipped when there is none.
assertLiveProperty(grpcUnservedFails);
