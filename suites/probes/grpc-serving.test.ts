import { assertLiveProperty } from '../live-suite';
import { grpcServing } from './grpc-serving.property';

// Live: runs on the cluster chosen by suites/live-setup.ts (server image from $KUBEPROP_SERVER_IMAGE), skipped when
// there is none.
assertLiveProperty(grpcServing);
