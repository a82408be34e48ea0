/**
 * The container image of every case: busybox, pinned to a release whose shell, httpd and nc the
 * container program relies on. `--image` overrides it (mirrors, air-gapped registries).
 */
export const DEFAULT_IMAGE = 'docker.io/library/busybox:1.36.1';

/**
 * The server image of the properties that need what busybox cannot serve (redirects, HTTPS, gRPC health):
 * upstream's e2e image for v1.26, agnhost 2.43 (kubernetes v1.26 test/utils/image/manifest.go), by the digest
 * the image promoter published (kubernetes/k8s.io registry.k8s.io/images/k8s-staging-e2e-test-images/images.yaml).
 * `--server-image` overrides it; `--server-image none` skips those properties.
 */
export const DEFAULT_SERVER_IMAGE =
  'registry.k8s.io/e2e-test-images/agnhost:2.43@sha256:16bbf38c463a4223d8cfe4da12bc61010b082a79b4bb003e2d3ba3ece5dd5f9e';

/**
 * How long a confirmed, unexpected failure may shrink on a live cluster: long enough for the
 * speculative shrinker (runner/speculative-shrink.ts) to reach a minimal counterexample of a
 * termination failure at 20–60 s a case, short enough to bound the run.
 */
export const FAILURE_SHRINK_SECONDS = 300;
