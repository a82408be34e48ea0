import type { V1ContainerState, V1Namespace, V1Pod } from '@kubernetes/client-node';
import { parseRunOptions } from '../../cli/run-options';
import { containerManifest } from '../../generators/manifests/container-manifest';
import { agnhostArgs, serverProgramOf } from '../../harness/agnhost-program';
import type { Clock } from '../../harness/clock';
import type { CreateResult, ManagedObject } from '../../harness/cluster-port';
import { checkServerImage } from '../../harness/image-preflight';
import { defaultCapabilities, LATEST_VERSION } from '../../model/capabilities';
import type { ContainerScenario, PodScenario } from '../../model/scenario';
import { serverImageUnsupported } from '../../model/server-image';
import { DEFAULT_SERVER_IMAGE } from '../../runner/defaults';
import type { PropertyDefinition } from '../../runner/property-definition';

const context = {
  properties: [{ id: 'probes/a', family: 'probes' } as PropertyDefinition],
  runId: 'r',
  randomSeed: () => 1,
};

describe('--server-image', () => {
  test('defaults to agnhost 2.43 by digest, else $KUBEPROP_SERVER_IMAGE; "none" means no server image', () => {
    expect(DEFAULT_SERVER_IMAGE).toMatch(
      /^registry\.k8s\.io\/e2e-test-images\/agnhost:2\.43@sha256:[0-9a-f]{64}$/,
    );
    expect(parseRunOptions({}, context).serverImage).toBe(DEFAULT_SERVER_IMAGE);
    expect(parseRunOptions({}, context, { KUBEPROP_SERVER_IMAGE: 'localhost/agnhost:src' }).serverImage).toBe(
      'localhost/agnhost:src',
    );
    expect(parseRunOptions({ serverImage: 'none' }, context).serverImage).toBeUndefined();
    expect(
      parseRunOptions({ serverImage: 'mirror.example/agnhost:2.43' }, context, {
        KUBEPROP_SERVER_IMAGE: 'none',
      }).serverImage,
    ).toBe('mirror.example/agnhost:2.43');
    expect(() => parseRunOptions({ serverImage: 'Not An Image' }, context)).toThrow(/--server-image/);
  });

  test('properties needing it are skipped with the reason, not failed', () => {
    const caps = defaultCapabilities(LATEST_VERSION);
    expect(serverImageUnsupported({ ...caps, serverImage: 'agnhost:x' })).toBeUndefined();
    expect(serverImageUnsupported(caps)).toContain('--server-image');
    expect(serverImageUnsupported({ ...caps, serverImageProblem: 'ErrImagePull' })).toBe(
      'needs the server image: ErrImagePull',
    );
  });
});

describe('server program containers', () => {
  const server: ContainerScenario = {
    name: 'srv',
    behaviour: { startDelaySeconds: 0, sigterm: { kind: 'default' } },
    ports: [],
    resources: { requests: {}, limits: {} },
    lifecycle: {},
    probes: {},
    server: { kind: 'netexec', httpPort: 8080 },
  };
  const pod = {
    name: 'p',
    restartPolicy: 'Always',
    initContainers: [],
    containers: [server],
    labels: {},
  } as PodScenario;

  test('run the server image with agnhost args and no command; the fake reads the program back', () => {
    const manifest = containerManifest(server, pod, 'busybox:x', false, 'agnhost:x');
    expect(manifest.image).toBe('agnhost:x');
    expect(manifest.command).toBeUndefined();
    expect(manifest.args).toEqual(['netexec', '--http-port=8080', '--udp-port=8081']);
    expect(serverProgramOf(manifest.args)).toEqual(server.server);
    expect(serverProgramOf(agnhostArgs({ kind: 'liveness' }))).toEqual({ kind: 'liveness' });
    expect(serverProgramOf(['sh', '-c', 'true'])).toBeUndefined();
    expect(() => containerManifest(server, pod, 'busybox:x')).toThrow(/server image/);
  });
});

describe('checkServerImage', () => {
  function clusterWith(state: V1ContainerState) {
    const created: ManagedObject[] = [];
    return {
      created,
      createNamespace: async (ns: V1Namespace) => ns,
      create: async (_ns: string, object: ManagedObject): Promise<CreateResult> => {
        created.push(object);
        return { ok: true, object, warnings: [] };
      },
      readPod: async (): Promise<V1Pod> => ({
        status: {
          containerStatuses: [
            { name: 'image-check', image: 'x', imageID: '', ready: false, restartCount: 0, state },
          ],
        },
      }),
      deleteNamespace: async () => undefined,
    };
  }
  const clock: Clock = { now: () => 0, sleep: async () => undefined };
  const options = { runId: 'r1', image: 'agnhost:x', clock, signal: new AbortController().signal };

  test("runs agnhost's pause program and reports no problem when it starts", async () => {
    const cluster = clusterWith({ running: {} });
    expect(await checkServerImage(cluster, options)).toBeUndefined();
    const spec = (cluster.created[0] as V1Pod).spec;
    expect(spec?.containers[0]).toMatchObject({ image: 'agnhost:x', args: ['pause'] });
    expect(spec?.containers[0].command).toBeUndefined();
  });

  test('an image the nodes cannot pull is a reason naming --server-image, not an error', async () => {
    const problem = await checkServerImage(
      clusterWith({ waiting: { reason: 'ErrImagePull', message: 'nope' } }),
      options,
    );
    expect(problem).toContain('cannot pull image agnhost:x (ErrImagePull: nope)');
    expect(problem).toContain('--server-image');
  });
});
