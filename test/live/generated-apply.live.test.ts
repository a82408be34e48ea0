import fc from 'fast-check';
import type { V1Namespace } from '@kubernetes/client-node';
import { ObjectSerializer } from '@kubernetes/client-node/dist/gen/models/ObjectSerializer.js';
import { parseAllDocuments } from 'yaml';
import { scenarioYaml } from '../../cli/commands/generate-documents';
import { scenarioArbitrary } from '../../generators';
import { modelTypeOf, type ModelledKind, type WireObject } from '../../generators/manifests/wire-form';
import type { ClusterPort, ManagedObject } from '../../harness/cluster-port';
import { findLiveCluster, findLiveClusterSync } from '../../harness/live-cluster';
import { DEFAULT_SWEEP_DEADLINE_MS, sweep } from '../../harness/sweep';
import { defaultCapabilities, supportedVersions, type ServerVersion } from '../../model/capabilities';
import { RUN_ID_LABEL } from '../../model/labels';
import { FAMILIES, type Family, type Scenario } from '../../model/scenario';

/**
 * `kubeprop generate` output as a user applies it: every namespace of a file created, then each
 * object server-side dry-run (dryRun=All, what `kubectl apply --dry-run=server` sends), for every
 * family at every supported version the cluster is new enough for. Runs when a cluster is
 * reachable (KUBECONFIG or the current context), otherwise the file is skipped with one line.
 */
const availability = findLiveClusterSync();
if (availability.skipReason) process.stderr.write(`${availability.skipReason}\n`);
const describeLive = availability.skipReason ? describe.skip : describe;

const RUN_ID = `gen-${Date.now().toString(36)}`;
const SEED = 7;
const FILES_PER_VERSION = Number(process.env.KUBEPROP_GENERATED_FILES ?? '4');

/** A rejection that is about the form of the file (decoding, validation), not admission policy. */
interface Rejection {
  file: string;
  object: string;
  status: number;
  message: string;
}

/** Admission plugins that reject on purpose: Pod Security, ResourceQuota, LimitRanger (their properties need it). */
const POLICY_DENIAL =
  /violates PodSecurity|exceeded quota|must specify|forbidden: (minimum|maximum)|per (Container|Pod)/;

function documentsOf(text: string): WireObject[] {
  return parseAllDocuments(text).map((document) => {
    // `kubeprop generate` writes family scenarios: no custom resource among them.
    const wire = document.toJS() as { kind: ModelledKind };
    return ObjectSerializer.deserialize(wire, modelTypeOf(wire.kind), '') as WireObject;
  });
}

async function applyDryRun(
  port: ClusterPort,
  file: string,
  text: string,
): Promise<{ objects: number; denied: number; rejected: Rejection[] }> {
  const documents = documentsOf(text);
  const rejected: Rejection[] = [];
  let denied = 0;
  const namespaces = documents.filter(
    (d): d is { kind: 'Namespace' } & V1Namespace => d.kind === 'Namespace',
  );
  for (const namespace of namespaces) {
    const labels = { ...namespace.metadata?.labels, [RUN_ID_LABEL]: RUN_ID };
    await port.createNamespace({ ...namespace, metadata: { ...namespace.metadata, labels } });
  }
  const objects = documents.filter((d): d is ManagedObject => d.kind !== 'Namespace');
  for (const object of objects) {
    const result = await port.dryRunCreate!(object.metadata?.namespace ?? '', object);
    if (result.ok) continue;
    const message = result.body.message ?? '';
    if (result.status === 403 && POLICY_DENIAL.test(message)) denied += 1;
    else
      rejected.push({
        file,
        object: `${object.kind}/${object.metadata?.name ?? ''}`,
        status: result.status,
        message,
      });
  }
  // Deletion starts now so namespaces do not pile up; the sweep after all files waits for them.
  for (const namespace of namespaces) await port.deleteNamespace(namespace.metadata?.name ?? '');
  return { objects: objects.length, denied, rejected };
}

describeLive('generated files apply on a live API server (server-side dry run)', () => {
  let port: ClusterPort;
  let versions: ServerVersion[];
  const tally: string[] = [];

  beforeAll(async () => {
    const found = await findLiveCluster();
    if ('skipReason' in found) throw new Error(found.skipReason);
    port = found.port;
    if (port.dryRunCreate === undefined) throw new Error('the adapter has no dry-run create');
    versions = supportedVersions().filter((v) => v.minor <= found.version.minor);
  });

  afterAll(async () => {
    if (tally.length > 0) process.stderr.write(`${tally.join('\n')}\n`);
    if (port) await sweep(port, { runId: RUN_ID });
  }, DEFAULT_SWEEP_DEADLINE_MS + 60_000);

  it.each(FAMILIES.map((family) => [family]))(
    '%s: no file is rejected for its form at any version the cluster supports',
    async (family: Family) => {
      const rejected: Rejection[] = [];
      let files = 0;
      let objects = 0;
      let denied = 0;
      for (const version of versions) {
        const scenarios = fc.sample(scenarioArbitrary(family, defaultCapabilities(version)), {
          seed: SEED,
          numRuns: FILES_PER_VERSION,
        }) as Scenario[];
        for (const [i, scenario] of scenarios.entries()) {
          const file = `v1.${version.minor} ${family}-${i}`;
          const text = scenarioYaml(scenario, i, version, `kp-${RUN_ID}-${version.minor}`);
          const result = await applyDryRun(port, file, text);
          files += 1;
          objects += result.objects;
          denied += result.denied;
          rejected.push(...result.rejected);
        }
      }
      tally.push(
        `${family}: ${files} files, ${objects} objects at v1.${versions[0].minor}-v1.${versions[versions.length - 1].minor}: ${objects - denied - rejected.length} accepted, ${denied} denied by admission policy, ${rejected.length} rejected`,
      );
      expect(rejected).toEqual([]);
    },
    600_000,
  );
});
