import type { V1SeccompProfile, V1SELinuxOptions } from '@kubernetes/client-node';
import type { PodSecurity } from '../../model/scenario';

/** seLinuxOptions from the type, user and role a pod or container sets, when it sets any. */
export function seLinuxOptions(
  security: Pick<PodSecurity, 'seLinuxType' | 'seLinuxUser' | 'seLinuxRole'>,
): V1SELinuxOptions | undefined {
  const options: V1SELinuxOptions = {};
  if (security.seLinuxType) options.type = security.seLinuxType;
  if (security.seLinuxUser) options.user = security.seLinuxUser;
  if (security.seLinuxRole) options.role = security.seLinuxRole;
  return Object.keys(options).length > 0 ? options : undefined;
}

/** A Localhost profile must name its file (validation.go validateSeccompProfileField); none exists on nodes. */
export function seccompProfile(type: NonNullable<PodSecurity['seccompProfile']>): V1SeccompProfile {
  return type === 'Localhost' ? { type, localhostProfile: 'testing' } : { type };
}
