import { assertLiveProperty } from '../live-suite';
import { auditAnnotates } from './audit-annotates.property';

// Live: runs on the cluster chosen by suites/live-setup.ts, skipped when there is none.
assertLiveProperty(auditAnnotates);
