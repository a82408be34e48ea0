/** Labels, annotations and finalizers kubeprop puts on what it creates; cleanup selects by them only. */
export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
export const MANAGED_BY_VALUE = 'kubeprop';
export const RUN_ID_LABEL = 'kubeprop.dev/run-id';
export const CASE_ID_LABEL = 'kubeprop.dev/case-id';
/** The label quota/lifecycle's merge patch adds to its quota. */
export const PATCHED_LABEL = 'kubeprop.dev/patched';
/** JSON of the PodScenario a pod was made from: documents intent in reproducers; the fake cluster runs it. */
export const INTENT_ANNOTATION = 'kubeprop.dev/intent';
/** On a NetworkPolicy whose ipBlocks name pods: which pod (or "pods": all nine) each CIDR stands for. */
export const IP_BLOCKS_ANNOTATION = 'kubeprop.dev/ip-blocks';
/** Keeps a stopped pod readable until its final container statuses are recorded. */
export const KEEP_FINALIZER = 'kubeprop.dev/keep-until-observed';
