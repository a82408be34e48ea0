/**
 * The container image of every case: busybox, pinned to a release whose shell, httpd and nc the
 * container program relies on. `--image` overrides it (mirrors, air-gapped registries).
 */
export const DEFAULT_IMAGE = 'docker.io/library/busybox:1.36.1';
