import { unmaskedProcMount } from './baseline-checks';
import { containersPhrase, everyContainer, joinQuote, podVolumes, type PodSecurityCheck } from './check';

/** check_restrictedVolumes.go restrictedVolumes_1_0: the volume types restricted pods may use. */
export const RESTRICTED_ALLOWED_VOLUMES: ReadonlySet<string> = new Set<string>([
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'persistentVolumeClaim',
  'projected',
  'secret',
]);

/**
 * `image` joined the allowed types inside restrictedVolumes_1_0 itself (PR #130394, release 1.33), so
 * it depends on the server's release, not on the policy version.
 */
export function restrictedVolumeAllowed(kind: string, serverMinor: number): boolean {
  return RESTRICTED_ALLOWED_VOLUMES.has(kind) || (kind === 'image' && serverMinor >= 33);
}

function validSeccomp(type: string | undefined): boolean {
  return type === 'RuntimeDefault' || type === 'Localhost';
}

export const RESTRICTED_CHECKS: PodSecurityCheck[] = [
  {
    // check_restrictedVolumes.go restrictedVolumes_1_0, the only version (overrides hostPathVolumes)
    id: 'restrictedVolumes',
    level: 'restricted',
    sinceMinor: 0,
    overrides: 'hostPathVolumes',
    evaluate: ({ pod, serverMinor }) => {
      const bad = podVolumes(pod).filter((v) => !restrictedVolumeAllowed(v.kind, serverMinor));
      if (bad.length === 0) return undefined;
      const types = [...new Set(bad.map((v) => v.kind))].sort();
      return {
        reason: 'restricted volume types',
        detail: `${bad.length === 1 ? 'volume' : 'volumes'} ${joinQuote(bad.map((v) => v.name))} ${bad.length === 1 ? 'uses' : 'use'} ${types.length === 1 ? 'restricted volume type' : 'restricted volume types'} ${joinQuote(types)}`,
      };
    },
  },
  {
    // check_allowPrivilegeEscalation.go allowPrivilegeEscalation_1_8: must be explicitly false;
    // allowPrivilegeEscalation_1_25 only exempts spec.os.name=windows pods, which scenarios do not express.
    id: 'allowPrivilegeEscalation',
    level: 'restricted',
    sinceMinor: 8,
    evaluate: ({ pod }) => {
      const bad = everyContainer(pod)
        .filter((c) => c.security?.allowPrivilegeEscalation !== false)
        .map((c) => c.name);
      return bad.length > 0
        ? {
            reason: 'allowPrivilegeEscalation != false',
            detail: `${containersPhrase(bad)} must set securityContext.allowPrivilegeEscalation=false`,
          }
        : undefined;
    },
  },
  {
    // check_runAsNonRoot.go runAsNonRoot_1_0: pod true covers containers that leave it unset;
    // runAsNonRoot1_35 only exempts hostUsers=false pods, which scenarios do not express.
    id: 'runAsNonRoot',
    level: 'restricted',
    sinceMinor: 0,
    evaluate: ({ pod }) => {
      const podSetting = pod.security?.runAsNonRoot;
      const explicit = everyContainer(pod).filter((c) => c.security?.runAsNonRoot === false);
      const implicit = everyContainer(pod).filter(
        (c) => c.security?.runAsNonRoot === undefined && podSetting !== true,
      );
      if (podSetting !== false && explicit.length === 0 && implicit.length === 0) return undefined;
      const setters = [
        podSetting === false ? 'pod' : '',
        explicit.length > 0 ? containersPhrase(explicit.map((c) => c.name)) : '',
      ].filter(Boolean);
      // An explicit false is reported alone; containers left unset only when nothing set false.
      const detail =
        setters.length > 0
          ? `${setters.join(' and ')} must not set securityContext.runAsNonRoot=false`
          : `pod or ${containersPhrase(implicit.map((c) => c.name))} must set securityContext.runAsNonRoot=true`;
      return { reason: 'runAsNonRoot != true', detail };
    },
  },
  {
    // check_runAsUser.go runAsUser_1_23: uid 0 set anywhere is forbidden;
    // runAsUser1_35 only exempts hostUsers=false pods, which scenarios do not express.
    id: 'runAsUser',
    level: 'restricted',
    sinceMinor: 23,
    evaluate: ({ pod }) => {
      const podBad = pod.security?.runAsUser === 0;
      const bad = everyContainer(pod).filter((c) => c.security?.runAsUser === 0);
      if (!podBad && bad.length === 0) return undefined;
      const setters = [
        podBad ? 'pod' : '',
        bad.length > 0 ? containersPhrase(bad.map((c) => c.name)) : '',
      ].filter(Boolean);
      return { reason: 'runAsUser=0', detail: `${setters.join(' and ')} must not set runAsUser=0` };
    },
  },
  {
    // check_seccompProfile_restricted.go seccompProfileRestricted_1_19 (overrides seccompProfile_baseline);
    // seccompProfileRestricted_1_25 only exempts spec.os.name=windows pods, not expressed by scenarios.
    id: 'seccompProfile_restricted',
    level: 'restricted',
    sinceMinor: 19,
    overrides: 'seccompProfile_baseline',
    evaluate: ({ pod }) => {
      const podType = pod.security?.seccompProfile;
      const podBad = podType !== undefined && !validSeccomp(podType);
      const podSet = podType !== undefined && !podBad;
      const explicit = everyContainer(pod).filter(
        (c) => c.security?.seccompProfile !== undefined && !validSeccomp(c.security.seccompProfile),
      );
      const implicit = everyContainer(pod).filter((c) => c.security?.seccompProfile === undefined && !podSet);
      if (podBad || explicit.length > 0) {
        const setters = [
          podBad ? 'pod' : '',
          explicit.length > 0 ? containersPhrase(explicit.map((c) => c.name)) : '',
        ];
        return {
          reason: 'seccompProfile',
          detail: `${setters.filter(Boolean).join(' and ')} must not set securityContext.seccompProfile.type to "Unconfined"`,
        };
      }
      return implicit.length > 0
        ? {
            reason: 'seccompProfile',
            detail: `pod or ${containersPhrase(implicit.map((c) => c.name))} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`,
          }
        : undefined;
    },
  },
  {
    // check_capabilities_restricted.go capabilitiesRestricted_1_22 (overrides capabilities_baseline);
    // capabilitiesRestricted_1_25 only exempts spec.os.name=windows pods, not expressed by scenarios.
    id: 'capabilities_restricted',
    level: 'restricted',
    sinceMinor: 22,
    overrides: 'capabilities_baseline',
    evaluate: ({ pod }) => {
      const missingDrop = everyContainer(pod).filter(
        (c) => !(c.security?.capabilitiesDrop ?? []).includes('ALL'),
      );
      const forbidden = new Set<string>();
      const adding = everyContainer(pod).filter((c) => {
        const extra = (c.security?.capabilitiesAdd ?? []).filter((cap) => cap !== 'NET_BIND_SERVICE');
        extra.forEach((cap) => forbidden.add(cap));
        return extra.length > 0;
      });
      const details = [
        missingDrop.length > 0
          ? `${containersPhrase(missingDrop.map((c) => c.name))} must set securityContext.capabilities.drop=["ALL"]`
          : '',
        adding.length > 0
          ? `${containersPhrase(adding.map((c) => c.name))} must not include ${joinQuote([...forbidden].sort())} in securityContext.capabilities.add`
          : '',
      ].filter(Boolean);
      return details.length > 0
        ? { reason: 'unrestricted capabilities', detail: details.join('; ') }
        : undefined;
    },
  },
  {
    // check_procMount_restricted.go procMount_1_0 from 1.35 (overrides procMount): restricted keeps
    // forbidding Unmasked for the hostUsers=false pods that procMount1_35baseline lets through. It
    // reports the same reason, now among the restricted checks (registry.go populate order).
    id: 'procMount_restricted',
    level: 'restricted',
    sinceMinor: 35,
    overrides: 'procMount',
    evaluate: unmaskedProcMount,
  },
];
