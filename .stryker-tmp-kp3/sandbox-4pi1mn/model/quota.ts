// @ts-nocheck
function stryNS_9fa48() {
  var g = typeof globalThis === 'object' && globalThis && globalThis.Math === Math && globalThis || new Function("return this")();
  var ns = g.__stryker__ || (g.__stryker__ = {});
  if (ns.activeMutant === undefined && g.process && g.process.env && g.process.env.__STRYKER_ACTIVE_MUTANT__) {
    ns.activeMutant = g.process.env.__STRYKER_ACTIVE_MUTANT__;
  }
  function retrieveNS() {
    return ns;
  }
  stryNS_9fa48 = retrieveNS;
  return retrieveNS();
}
stryNS_9fa48();
function stryCov_9fa48() {
  var ns = stryNS_9fa48();
  var cov = ns.mutantCoverage || (ns.mutantCoverage = {
    static: {},
    perTest: {}
  });
  function cover() {
    var c = cov.static;
    if (ns.currentTestId) {
      c = cov.perTest[ns.currentTestId] = cov.perTest[ns.currentTestId] || {};
    }
    var a = arguments;
    for (var i = 0; i < a.length; i++) {
      c[a[i]] = (c[a[i]] || 0) + 1;
    }
  }
  stryCov_9fa48 = cover;
  cover.apply(null, arguments);
}
function stryMutAct_9fa48(id) {
  var ns = stryNS_9fa48();
  function isActive(id) {
    if (ns.activeMutant === id) {
      if (ns.hitCount !== void 0 && ++ns.hitCount > ns.hitLimit) {
        throw new Error('Stryker: Hit count limit reached (' + ns.hitCount + ')');
      }
      return true;
    }
    return false;
  }
  stryMutAct_9fa48 = isActive;
  return isActive(id);
}
import type { Capabilities } from './capabilities';
import { podLimits, podRequests, resolvePod, type ResolvedPod, type ResourceList } from './effective-request';
import type { Expectation, FieldExpectation, ModelOptions } from './expectation';
import { computePodQos } from './qos';
import { formatQuantity } from './quantities';
import { contains, equals, field } from './resources-field';
import type { PodScenario, QuotaScenario, QuotaScope, QuotaSpec } from './scenario';
import { atLeast } from './capabilities';

/**
 * If a quota tracks cpu or memory, every container must set the matching request/limit
 * (pkg/quota/v1/evaluator/core/pods.go validationSet).
 */
const MUST_SPECIFY = stryMutAct_9fa48("1239") ? [] : (stryCov_9fa48("1239"), [stryMutAct_9fa48("1240") ? "" : (stryCov_9fa48("1240"), 'cpu'), stryMutAct_9fa48("1241") ? "" : (stryCov_9fa48("1241"), 'memory'), stryMutAct_9fa48("1242") ? "" : (stryCov_9fa48("1242"), 'requests.cpu'), stryMutAct_9fa48("1243") ? "" : (stryCov_9fa48("1243"), 'requests.memory'), stryMutAct_9fa48("1244") ? "" : (stryCov_9fa48("1244"), 'limits.cpu'), stryMutAct_9fa48("1245") ? "" : (stryCov_9fa48("1245"), 'limits.memory')]);

/** Scope match. Source: pkg/quota/v1/evaluator/core/pods.go podMatchesScopeFunc (isTerminating, isBestEffort). */
export function podMatchesScope(pod: PodScenario, scope: QuotaScope, resolved: ResolvedPod = resolvePod(pod)): boolean {
  if (stryMutAct_9fa48("1246")) {
    {}
  } else {
    stryCov_9fa48("1246");
    const terminating = stryMutAct_9fa48("1249") ? pod.activeDeadlineSeconds !== undefined || pod.activeDeadlineSeconds >= 0 : stryMutAct_9fa48("1248") ? false : stryMutAct_9fa48("1247") ? true : (stryCov_9fa48("1247", "1248", "1249"), (stryMutAct_9fa48("1251") ? pod.activeDeadlineSeconds === undefined : stryMutAct_9fa48("1250") ? true : (stryCov_9fa48("1250", "1251"), pod.activeDeadlineSeconds !== undefined)) && (stryMutAct_9fa48("1254") ? pod.activeDeadlineSeconds < 0 : stryMutAct_9fa48("1253") ? pod.activeDeadlineSeconds > 0 : stryMutAct_9fa48("1252") ? true : (stryCov_9fa48("1252", "1253", "1254"), pod.activeDeadlineSeconds >= 0)));
    const bestEffort = stryMutAct_9fa48("1257") ? computePodQos(resolved) !== 'BestEffort' : stryMutAct_9fa48("1256") ? false : stryMutAct_9fa48("1255") ? true : (stryCov_9fa48("1255", "1256", "1257"), computePodQos(resolved) === (stryMutAct_9fa48("1258") ? "" : (stryCov_9fa48("1258"), 'BestEffort')));
    switch (scope) {
      case stryMutAct_9fa48("1260") ? "" : (stryCov_9fa48("1260"), 'Terminating'):
        if (stryMutAct_9fa48("1259")) {} else {
          stryCov_9fa48("1259");
          return terminating;
        }
      case stryMutAct_9fa48("1262") ? "" : (stryCov_9fa48("1262"), 'NotTerminating'):
        if (stryMutAct_9fa48("1261")) {} else {
          stryCov_9fa48("1261");
          return stryMutAct_9fa48("1263") ? terminating : (stryCov_9fa48("1263"), !terminating);
        }
      case stryMutAct_9fa48("1265") ? "" : (stryCov_9fa48("1265"), 'BestEffort'):
        if (stryMutAct_9fa48("1264")) {} else {
          stryCov_9fa48("1264");
          return bestEffort;
        }
      case stryMutAct_9fa48("1267") ? "" : (stryCov_9fa48("1267"), 'NotBestEffort'):
        if (stryMutAct_9fa48("1266")) {} else {
          stryCov_9fa48("1266");
          return stryMutAct_9fa48("1268") ? bestEffort : (stryCov_9fa48("1268"), !bestEffort);
        }
    }
  }
}

/**
 * Usage a live (non-terminal) pod charges, by quota key: pods, count/pods, cpu/memory/ephemeral-storage
 * (= requests.*), limits.*, requests.<extended>. Source: pods.go PodUsageFunc + podComputeUsageHelper.
 */
export function podQuotaUsage(resolved: ResolvedPod): ResourceList {
  if (stryMutAct_9fa48("1269")) {
    {}
  } else {
    stryCov_9fa48("1269");
    const requests = podRequests(resolved);
    const limits = podLimits(resolved);
    const usage: ResourceList = stryMutAct_9fa48("1270") ? {} : (stryCov_9fa48("1270"), {
      pods: 1,
      'count/pods': 1
    });
    for (const name of stryMutAct_9fa48("1271") ? [] : (stryCov_9fa48("1271"), [stryMutAct_9fa48("1272") ? "" : (stryCov_9fa48("1272"), 'cpu'), stryMutAct_9fa48("1273") ? "" : (stryCov_9fa48("1273"), 'memory'), stryMutAct_9fa48("1274") ? "" : (stryCov_9fa48("1274"), 'ephemeral-storage')])) {
      if (stryMutAct_9fa48("1275")) {
        {}
      } else {
        stryCov_9fa48("1275");
        if (stryMutAct_9fa48("1277") ? false : stryMutAct_9fa48("1276") ? true : (stryCov_9fa48("1276", "1277"), name in requests)) {
          if (stryMutAct_9fa48("1278")) {
            {}
          } else {
            stryCov_9fa48("1278");
            usage[name] = requests[name];
            usage[stryMutAct_9fa48("1279") ? `` : (stryCov_9fa48("1279"), `requests.${name}`)] = requests[name];
          }
        }
        if (stryMutAct_9fa48("1281") ? false : stryMutAct_9fa48("1280") ? true : (stryCov_9fa48("1280", "1281"), name in limits)) usage[stryMutAct_9fa48("1282") ? `` : (stryCov_9fa48("1282"), `limits.${name}`)] = limits[name];
      }
    }
    for (const [name, value] of Object.entries(requests)) {
      if (stryMutAct_9fa48("1283")) {
        {}
      } else {
        stryCov_9fa48("1283");
        if (stryMutAct_9fa48("1285") ? false : stryMutAct_9fa48("1284") ? true : (stryCov_9fa48("1284", "1285"), name.includes(stryMutAct_9fa48("1286") ? "" : (stryCov_9fa48("1286"), '/')))) usage[stryMutAct_9fa48("1287") ? `` : (stryCov_9fa48("1287"), `requests.${name}`)] = value;
      }
    }
    return usage;
  }
}

/** Container names missing each required resource (pods.go Constraints / enforcePodContainerConstraints). */
export function missingRequirements(resolved: ResolvedPod, hard: Record<string, number>): Map<string, string[]> {
  if (stryMutAct_9fa48("1288")) {
    {}
  } else {
    stryCov_9fa48("1288");
    const required = stryMutAct_9fa48("1289") ? Object.keys(hard) : (stryCov_9fa48("1289"), Object.keys(hard).filter(stryMutAct_9fa48("1290") ? () => undefined : (stryCov_9fa48("1290"), name => MUST_SPECIFY.includes(name))));
    const missing = new Map<string, string[]>();
    for (const container of stryMutAct_9fa48("1291") ? [] : (stryCov_9fa48("1291"), [...resolved.containers, ...resolved.initContainers])) {
      if (stryMutAct_9fa48("1292")) {
        {}
      } else {
        stryCov_9fa48("1292");
        const has = (name: string): boolean => {
          if (stryMutAct_9fa48("1293")) {
            {}
          } else {
            stryCov_9fa48("1293");
            if (stryMutAct_9fa48("1296") ? name.endsWith('limits.') : stryMutAct_9fa48("1295") ? false : stryMutAct_9fa48("1294") ? true : (stryCov_9fa48("1294", "1295", "1296"), name.startsWith(stryMutAct_9fa48("1297") ? "" : (stryCov_9fa48("1297"), 'limits.')))) return (stryMutAct_9fa48("1298") ? name : (stryCov_9fa48("1298"), name.slice((stryMutAct_9fa48("1299") ? "" : (stryCov_9fa48("1299"), 'limits.')).length))) in container.limits;
            return name.replace(stryMutAct_9fa48("1300") ? /requests\./ : (stryCov_9fa48("1300"), /^requests\./), stryMutAct_9fa48("1301") ? "Stryker was here!" : (stryCov_9fa48("1301"), '')) in container.requests;
          }
        };
        for (const name of stryMutAct_9fa48("1302") ? required : (stryCov_9fa48("1302"), required.filter(stryMutAct_9fa48("1303") ? () => undefined : (stryCov_9fa48("1303"), n => stryMutAct_9fa48("1304") ? has(n) : (stryCov_9fa48("1304"), !has(n)))))) {
          if (stryMutAct_9fa48("1305")) {
            {}
          } else {
            stryCov_9fa48("1305");
            missing.set(name, stryMutAct_9fa48("1306") ? [...(missing.get(name) ?? []), container.name] : (stryCov_9fa48("1306"), (stryMutAct_9fa48("1307") ? [] : (stryCov_9fa48("1307"), [...(stryMutAct_9fa48("1308") ? missing.get(name) && [] : (stryCov_9fa48("1308"), missing.get(name) ?? (stryMutAct_9fa48("1309") ? ["Stryker was here"] : (stryCov_9fa48("1309"), [])))), container.name])).sort()));
          }
        }
      }
    }
    return missing;
  }
}
export type QuotaDecision = {
  admitted: true;
  usage: ResourceList;
  matched: boolean;
} | {
  admitted: false;
  kind: 'mustSpecify' | 'exceeded';
  messageParts: string[];
  because: string;
};
function prettyPrint(list: ResourceList, names: string[]): string {
  if (stryMutAct_9fa48("1310")) {
    {}
  } else {
    stryCov_9fa48("1310");
    return names.map(stryMutAct_9fa48("1311") ? () => undefined : (stryCov_9fa48("1311"), name => stryMutAct_9fa48("1312") ? `` : (stryCov_9fa48("1312"), `${name}=${formatQuantity(name, stryMutAct_9fa48("1313") ? list[name] && 0 : (stryCov_9fa48("1313"), list[name] ?? 0))}`))).join(stryMutAct_9fa48("1314") ? "" : (stryCov_9fa48("1314"), ','));
  }
}

/**
 * Admission of one pod against one quota whose status is known. Source:
 * staging/src/k8s.io/apiserver/pkg/admission/plugin/resourcequota/controller.go CheckRequest:
 * scopes select the pod; Constraints first ("failed quota: q: must specify ..."); then used + requested
 * must stay ≤ hard for every requested tracked resource (equality admitted), else "exceeded quota".
 */
export function quotaDecision(pod: PodScenario, quota: QuotaSpec, used: ResourceList, version: Capabilities['version'], sidecars = stryMutAct_9fa48("1315") ? false : (stryCov_9fa48("1315"), true)): QuotaDecision {
  if (stryMutAct_9fa48("1316")) {
    {}
  } else {
    stryCov_9fa48("1316");
    const resolved = resolvePod(pod, sidecars);
    const usage = podQuotaUsage(resolved);
    if (stryMutAct_9fa48("1319") ? false : stryMutAct_9fa48("1318") ? true : stryMutAct_9fa48("1317") ? quota.scopes.every(scope => podMatchesScope(pod, scope, resolved)) : (stryCov_9fa48("1317", "1318", "1319"), !(stryMutAct_9fa48("1320") ? quota.scopes.some(scope => podMatchesScope(pod, scope, resolved)) : (stryCov_9fa48("1320"), quota.scopes.every(stryMutAct_9fa48("1321") ? () => undefined : (stryCov_9fa48("1321"), scope => podMatchesScope(pod, scope, resolved))))))) {
      if (stryMutAct_9fa48("1322")) {
        {}
      } else {
        stryCov_9fa48("1322");
        return stryMutAct_9fa48("1323") ? {} : (stryCov_9fa48("1323"), {
          admitted: stryMutAct_9fa48("1324") ? false : (stryCov_9fa48("1324"), true),
          usage: {},
          matched: stryMutAct_9fa48("1325") ? true : (stryCov_9fa48("1325"), false)
        });
      }
    }
    const missing = missingRequirements(resolved, quota.hard);
    if (stryMutAct_9fa48("1329") ? missing.size <= 0 : stryMutAct_9fa48("1328") ? missing.size >= 0 : stryMutAct_9fa48("1327") ? false : stryMutAct_9fa48("1326") ? true : (stryCov_9fa48("1326", "1327", "1328", "1329"), missing.size > 0)) {
      if (stryMutAct_9fa48("1330")) {
        {}
      } else {
        stryCov_9fa48("1330");
        const detail = stryMutAct_9fa48("1331") ? [...missing.keys()].map(name => `${name} for: ${(missing.get(name) ?? []).join(',')}`).join('; ') : (stryCov_9fa48("1331"), (stryMutAct_9fa48("1332") ? [] : (stryCov_9fa48("1332"), [...missing.keys()])).sort().map(stryMutAct_9fa48("1333") ? () => undefined : (stryCov_9fa48("1333"), name => stryMutAct_9fa48("1334") ? `` : (stryCov_9fa48("1334"), `${name} for: ${(stryMutAct_9fa48("1335") ? missing.get(name) && [] : (stryCov_9fa48("1335"), missing.get(name) ?? (stryMutAct_9fa48("1336") ? ["Stryker was here"] : (stryCov_9fa48("1336"), [])))).join(stryMutAct_9fa48("1337") ? "" : (stryCov_9fa48("1337"), ','))}`))).join(stryMutAct_9fa48("1338") ? "" : (stryCov_9fa48("1338"), '; ')));
        // The per-container form is what v1.26 printed (recorded); older releases only share the prefix.
        const parts = atLeast(version, 26) ? stryMutAct_9fa48("1339") ? [] : (stryCov_9fa48("1339"), [stryMutAct_9fa48("1340") ? `` : (stryCov_9fa48("1340"), `failed quota: ${quota.name}: must specify ${detail}`)]) : stryMutAct_9fa48("1341") ? [] : (stryCov_9fa48("1341"), [stryMutAct_9fa48("1342") ? `` : (stryCov_9fa48("1342"), `failed quota: ${quota.name}`), stryMutAct_9fa48("1343") ? "" : (stryCov_9fa48("1343"), 'must specify')]);
        return stryMutAct_9fa48("1344") ? {} : (stryCov_9fa48("1344"), {
          admitted: stryMutAct_9fa48("1345") ? true : (stryCov_9fa48("1345"), false),
          kind: stryMutAct_9fa48("1346") ? "" : (stryCov_9fa48("1346"), 'mustSpecify'),
          messageParts: parts,
          because: stryMutAct_9fa48("1347") ? `` : (stryCov_9fa48("1347"), `missing ${detail}`)
        });
      }
    }
    const requested = stryMutAct_9fa48("1348") ? Object.keys(usage) : (stryCov_9fa48("1348"), Object.keys(usage).filter(stryMutAct_9fa48("1349") ? () => undefined : (stryCov_9fa48("1349"), name => stryMutAct_9fa48("1352") ? name in quota.hard || usage[name] !== 0 : stryMutAct_9fa48("1351") ? false : stryMutAct_9fa48("1350") ? true : (stryCov_9fa48("1350", "1351", "1352"), name in quota.hard && (stryMutAct_9fa48("1354") ? usage[name] === 0 : stryMutAct_9fa48("1353") ? true : (stryCov_9fa48("1353", "1354"), usage[name] !== 0))))));
    const exceeded = stryMutAct_9fa48("1356") ? requested.sort() : stryMutAct_9fa48("1355") ? requested.filter(name => (used[name] ?? 0) + usage[name] > quota.hard[name]) : (stryCov_9fa48("1355", "1356"), requested.filter(stryMutAct_9fa48("1357") ? () => undefined : (stryCov_9fa48("1357"), name => stryMutAct_9fa48("1361") ? (used[name] ?? 0) + usage[name] <= quota.hard[name] : stryMutAct_9fa48("1360") ? (used[name] ?? 0) + usage[name] >= quota.hard[name] : stryMutAct_9fa48("1359") ? false : stryMutAct_9fa48("1358") ? true : (stryCov_9fa48("1358", "1359", "1360", "1361"), (stryMutAct_9fa48("1362") ? (used[name] ?? 0) - usage[name] : (stryCov_9fa48("1362"), (stryMutAct_9fa48("1363") ? used[name] && 0 : (stryCov_9fa48("1363"), used[name] ?? 0)) + usage[name])) > quota.hard[name]))).sort());
    if (stryMutAct_9fa48("1367") ? exceeded.length <= 0 : stryMutAct_9fa48("1366") ? exceeded.length >= 0 : stryMutAct_9fa48("1365") ? false : stryMutAct_9fa48("1364") ? true : (stryCov_9fa48("1364", "1365", "1366", "1367"), exceeded.length > 0)) {
      if (stryMutAct_9fa48("1368")) {
        {}
      } else {
        stryCov_9fa48("1368");
        const parts = stryMutAct_9fa48("1369") ? [] : (stryCov_9fa48("1369"), [stryMutAct_9fa48("1370") ? `` : (stryCov_9fa48("1370"), `exceeded quota: ${quota.name}`), stryMutAct_9fa48("1371") ? `` : (stryCov_9fa48("1371"), `requested: ${prettyPrint(usage, exceeded)}`), stryMutAct_9fa48("1372") ? `` : (stryCov_9fa48("1372"), `used: ${prettyPrint(used, exceeded)}`), stryMutAct_9fa48("1373") ? `` : (stryCov_9fa48("1373"), `limited: ${prettyPrint(quota.hard, exceeded)}`)]);
        return stryMutAct_9fa48("1374") ? {} : (stryCov_9fa48("1374"), {
          admitted: stryMutAct_9fa48("1375") ? true : (stryCov_9fa48("1375"), false),
          kind: stryMutAct_9fa48("1376") ? "" : (stryCov_9fa48("1376"), 'exceeded'),
          messageParts: parts,
          because: stryMutAct_9fa48("1377") ? `` : (stryCov_9fa48("1377"), `over hard for ${exceeded.join(stryMutAct_9fa48("1378") ? "" : (stryCov_9fa48("1378"), ','))}`)
        });
      }
    }
    const charged: ResourceList = {};
    for (const name of Object.keys(quota.hard)) if (stryMutAct_9fa48("1380") ? false : stryMutAct_9fa48("1379") ? true : (stryCov_9fa48("1379", "1380"), name in usage)) charged[name] = usage[name];
    return stryMutAct_9fa48("1381") ? {} : (stryCov_9fa48("1381"), {
      admitted: stryMutAct_9fa48("1382") ? false : (stryCov_9fa48("1382"), true),
      usage: charged,
      matched: stryMutAct_9fa48("1383") ? false : (stryCov_9fa48("1383"), true)
    });
  }
}

/** A pod may reach a terminal phase on its own, after which only count/pods still charges it. */
export function mayTerminate(pod: PodScenario): boolean {
  if (stryMutAct_9fa48("1384")) {
    {}
  } else {
    stryCov_9fa48("1384");
    if (stryMutAct_9fa48("1387") ? pod.activeDeadlineSeconds === undefined : stryMutAct_9fa48("1386") ? false : stryMutAct_9fa48("1385") ? true : (stryCov_9fa48("1385", "1386", "1387"), pod.activeDeadlineSeconds !== undefined)) return stryMutAct_9fa48("1388") ? false : (stryCov_9fa48("1388"), true);
    if (stryMutAct_9fa48("1391") ? pod.restartPolicy !== 'Always' : stryMutAct_9fa48("1390") ? false : stryMutAct_9fa48("1389") ? true : (stryCov_9fa48("1389", "1390", "1391"), pod.restartPolicy === (stryMutAct_9fa48("1392") ? "" : (stryCov_9fa48("1392"), 'Always')))) return stryMutAct_9fa48("1393") ? true : (stryCov_9fa48("1393"), false);
    return stryMutAct_9fa48("1394") ? pod.containers.some(c => c.behaviour.exitAfter !== undefined && (pod.restartPolicy === 'Never' || c.behaviour.exitAfter.exitCode === 0)) : (stryCov_9fa48("1394"), pod.containers.every(stryMutAct_9fa48("1395") ? () => undefined : (stryCov_9fa48("1395"), c => stryMutAct_9fa48("1398") ? c.behaviour.exitAfter !== undefined || pod.restartPolicy === 'Never' || c.behaviour.exitAfter.exitCode === 0 : stryMutAct_9fa48("1397") ? false : stryMutAct_9fa48("1396") ? true : (stryCov_9fa48("1396", "1397", "1398"), (stryMutAct_9fa48("1400") ? c.behaviour.exitAfter === undefined : stryMutAct_9fa48("1399") ? true : (stryCov_9fa48("1399", "1400"), c.behaviour.exitAfter !== undefined)) && (stryMutAct_9fa48("1402") ? pod.restartPolicy === 'Never' && c.behaviour.exitAfter.exitCode === 0 : stryMutAct_9fa48("1401") ? true : (stryCov_9fa48("1401", "1402"), (stryMutAct_9fa48("1404") ? pod.restartPolicy !== 'Never' : stryMutAct_9fa48("1403") ? false : (stryCov_9fa48("1403", "1404"), pod.restartPolicy === (stryMutAct_9fa48("1405") ? "" : (stryCov_9fa48("1405"), 'Never')))) || (stryMutAct_9fa48("1407") ? c.behaviour.exitAfter.exitCode !== 0 : stryMutAct_9fa48("1406") ? false : (stryCov_9fa48("1406", "1407"), c.behaviour.exitAfter.exitCode === 0))))))));
  }
}
interface StepOutcome {
  decision?: QuotaDecision;
  used: ResourceList;
}

/**
 * Replays the steps. `terminatedEarly` true assumes every pod that may terminate already has (it then
 * charges only count/pods); false assumes none has. Usage drops when a deleted pod is gone
 * (the harness waits for that and for the quota controller's recalculation before snapshotting).
 */
function replay(scenario: QuotaScenario, capabilities: Capabilities, terminatedEarly: boolean): StepOutcome[] {
  if (stryMutAct_9fa48("1408")) {
    {}
  } else {
    stryCov_9fa48("1408");
    const {
      quota
    } = scenario;
    const charges = new Map<string, ResourceList>();
    const outcomes: StepOutcome[] = stryMutAct_9fa48("1409") ? ["Stryker was here"] : (stryCov_9fa48("1409"), []);
    const total = (): ResourceList => {
      if (stryMutAct_9fa48("1410")) {
        {}
      } else {
        stryCov_9fa48("1410");
        const used: ResourceList = {};
        for (const name of Object.keys(quota.hard)) used[name] = 0;
        for (const charge of charges.values()) for (const [name, v] of Object.entries(charge)) stryMutAct_9fa48("1411") ? used[name] -= v : (stryCov_9fa48("1411"), used[name] += v);
        return used;
      }
    };
    for (const step of scenario.steps) {
      if (stryMutAct_9fa48("1412")) {
        {}
      } else {
        stryCov_9fa48("1412");
        if (stryMutAct_9fa48("1415") ? step.kind !== 'delete' : stryMutAct_9fa48("1414") ? false : stryMutAct_9fa48("1413") ? true : (stryCov_9fa48("1413", "1414", "1415"), step.kind === (stryMutAct_9fa48("1416") ? "" : (stryCov_9fa48("1416"), 'delete')))) {
          if (stryMutAct_9fa48("1417")) {
            {}
          } else {
            stryCov_9fa48("1417");
            charges.delete(step.podName);
            outcomes.push(stryMutAct_9fa48("1418") ? {} : (stryCov_9fa48("1418"), {
              used: total()
            }));
            continue;
          }
        }
        const decision = quotaDecision(step.pod, quota, total(), capabilities.version, capabilities.sidecars);
        if (stryMutAct_9fa48("1421") ? decision.admitted || decision.matched : stryMutAct_9fa48("1420") ? false : stryMutAct_9fa48("1419") ? true : (stryCov_9fa48("1419", "1420", "1421"), decision.admitted && decision.matched)) {
          if (stryMutAct_9fa48("1422")) {
            {}
          } else {
            stryCov_9fa48("1422");
            const charge = stryMutAct_9fa48("1423") ? {} : (stryCov_9fa48("1423"), {
              ...decision.usage
            });
            if (stryMutAct_9fa48("1426") ? terminatedEarly || mayTerminate(step.pod) : stryMutAct_9fa48("1425") ? false : stryMutAct_9fa48("1424") ? true : (stryCov_9fa48("1424", "1425", "1426"), terminatedEarly && mayTerminate(step.pod))) {
              if (stryMutAct_9fa48("1427")) {
                {}
              } else {
                stryCov_9fa48("1427");
                for (const name of Object.keys(charge)) if (stryMutAct_9fa48("1430") ? name === 'count/pods' : stryMutAct_9fa48("1429") ? false : stryMutAct_9fa48("1428") ? true : (stryCov_9fa48("1428", "1429", "1430"), name !== (stryMutAct_9fa48("1431") ? "" : (stryCov_9fa48("1431"), 'count/pods')))) charge[name] = 0;
              }
            }
            charges.set(step.pod.name, charge);
          }
        }
        outcomes.push(stryMutAct_9fa48("1432") ? {} : (stryCov_9fa48("1432"), {
          decision,
          used: total()
        }));
      }
    }
    return outcomes;
  }
}
function sameParts(a: QuotaDecision, b: QuotaDecision): boolean {
  if (stryMutAct_9fa48("1433")) {
    {}
  } else {
    stryCov_9fa48("1433");
    return stryMutAct_9fa48("1436") ? !a.admitted && !b.admitted || a.messageParts.join('\n') === b.messageParts.join('\n') : stryMutAct_9fa48("1435") ? false : stryMutAct_9fa48("1434") ? true : (stryCov_9fa48("1434", "1435", "1436"), (stryMutAct_9fa48("1438") ? !a.admitted || !b.admitted : stryMutAct_9fa48("1437") ? true : (stryCov_9fa48("1437", "1438"), (stryMutAct_9fa48("1439") ? a.admitted : (stryCov_9fa48("1439"), !a.admitted)) && (stryMutAct_9fa48("1440") ? b.admitted : (stryCov_9fa48("1440"), !b.admitted)))) && (stryMutAct_9fa48("1442") ? a.messageParts.join('\n') !== b.messageParts.join('\n') : stryMutAct_9fa48("1441") ? true : (stryCov_9fa48("1441", "1442"), a.messageParts.join(stryMutAct_9fa48("1443") ? "" : (stryCov_9fa48("1443"), '\n')) === b.messageParts.join(stryMutAct_9fa48("1444") ? "" : (stryCov_9fa48("1444"), '\n')))));
  }
}
function decisionFields(prefix: string, decision: QuotaDecision, fields: Record<string, FieldExpectation>, withMessage: boolean): void {
  if (stryMutAct_9fa48("1445")) {
    {}
  } else {
    stryCov_9fa48("1445");
    if (stryMutAct_9fa48("1447") ? false : stryMutAct_9fa48("1446") ? true : (stryCov_9fa48("1446", "1447"), decision.admitted)) {
      if (stryMutAct_9fa48("1448")) {
        {}
      } else {
        stryCov_9fa48("1448");
        const because = decision.matched ? stryMutAct_9fa48("1449") ? "" : (stryCov_9fa48("1449"), 'within hard (equality allowed)') : stryMutAct_9fa48("1450") ? "" : (stryCov_9fa48("1450"), 'quota scopes do not select the pod');
        fields[stryMutAct_9fa48("1451") ? `` : (stryCov_9fa48("1451"), `${prefix}.admitted`)] = equals(stryMutAct_9fa48("1452") ? false : (stryCov_9fa48("1452"), true), stryMutAct_9fa48("1453") ? "" : (stryCov_9fa48("1453"), 'quota.within-hard-admitted'), because);
        return;
      }
    }
    const rule = (stryMutAct_9fa48("1456") ? decision.kind !== 'mustSpecify' : stryMutAct_9fa48("1455") ? false : stryMutAct_9fa48("1454") ? true : (stryCov_9fa48("1454", "1455", "1456"), decision.kind === (stryMutAct_9fa48("1457") ? "" : (stryCov_9fa48("1457"), 'mustSpecify')))) ? stryMutAct_9fa48("1458") ? "" : (stryCov_9fa48("1458"), 'quota.must-specify-rejected') : stryMutAct_9fa48("1459") ? "" : (stryCov_9fa48("1459"), 'quota.exceeded-rejected');
    fields[stryMutAct_9fa48("1460") ? `` : (stryCov_9fa48("1460"), `${prefix}.admitted`)] = equals(stryMutAct_9fa48("1461") ? true : (stryCov_9fa48("1461"), false), rule, decision.because);
    fields[stryMutAct_9fa48("1462") ? `` : (stryCov_9fa48("1462"), `${prefix}.status`)] = equals(403, rule, stryMutAct_9fa48("1463") ? "" : (stryCov_9fa48("1463"), 'quota admission answers Forbidden'));
    if (stryMutAct_9fa48("1465") ? false : stryMutAct_9fa48("1464") ? true : (stryCov_9fa48("1464", "1465"), withMessage)) fields[stryMutAct_9fa48("1466") ? `` : (stryCov_9fa48("1466"), `${prefix}.reason`)] = contains(decision.messageParts, rule, decision.because);
  }
}

/** Expectations per step (`stepN.admitted`, `stepN.reason`, `stepN.used.<key>`) and `afterSteps.used.<key>`. */
export function expectQuota(scenario: QuotaScenario, capabilities: Capabilities, _options: ModelOptions): Expectation {
  if (stryMutAct_9fa48("1467")) {
    {}
  } else {
    stryCov_9fa48("1467");
    const fields: Record<string, FieldExpectation> = {};
    fields[stryMutAct_9fa48("1468") ? "" : (stryCov_9fa48("1468"), 'quota.initialised')] = equals(stryMutAct_9fa48("1469") ? false : (stryCov_9fa48("1469"), true), stryMutAct_9fa48("1470") ? "" : (stryCov_9fa48("1470"), 'quota.initialised-before-enforced'), stryMutAct_9fa48("1471") ? "" : (stryCov_9fa48("1471"), 'admission needs status.hard/used filled by the quota controller first'));
    const late = replay(scenario, capabilities, stryMutAct_9fa48("1472") ? true : (stryCov_9fa48("1472"), false));
    const early = replay(scenario, capabilities, stryMutAct_9fa48("1473") ? false : (stryCov_9fa48("1473"), true));
    const usageField = (prefix: string, index: number): void => {
      if (stryMutAct_9fa48("1474")) {
        {}
      } else {
        stryCov_9fa48("1474");
        for (const name of Object.keys(scenario.quota.hard)) {
          if (stryMutAct_9fa48("1475")) {
            {}
          } else {
            stryCov_9fa48("1475");
            const a = late[index].used[name];
            const b = early[index].used[name];
            const rule = (stryMutAct_9fa48("1478") ? scenario.steps[index].kind !== 'delete' : stryMutAct_9fa48("1477") ? false : stryMutAct_9fa48("1476") ? true : (stryCov_9fa48("1476", "1477", "1478"), scenario.steps[index].kind === (stryMutAct_9fa48("1479") ? "" : (stryCov_9fa48("1479"), 'delete')))) ? stryMutAct_9fa48("1480") ? "" : (stryCov_9fa48("1480"), 'quota.usage-released') : stryMutAct_9fa48("1481") ? "" : (stryCov_9fa48("1481"), 'quota.usage-charged');
            const because = stryMutAct_9fa48("1482") ? `` : (stryCov_9fa48("1482"), `effective usage of live pods for ${name}`);
            fields[stryMutAct_9fa48("1483") ? `` : (stryCov_9fa48("1483"), `${prefix}.used.${name}`)] = (stryMutAct_9fa48("1486") ? a !== b : stryMutAct_9fa48("1485") ? false : stryMutAct_9fa48("1484") ? true : (stryCov_9fa48("1484", "1485", "1486"), a === b)) ? equals(a, rule, because) : field(stryMutAct_9fa48("1487") ? {} : (stryCov_9fa48("1487"), {
              kind: stryMutAct_9fa48("1488") ? "" : (stryCov_9fa48("1488"), 'range'),
              min: stryMutAct_9fa48("1489") ? Math.max(a, b) : (stryCov_9fa48("1489"), Math.min(a, b)),
              max: stryMutAct_9fa48("1490") ? Math.min(a, b) : (stryCov_9fa48("1490"), Math.max(a, b))
            }), rule, stryMutAct_9fa48("1491") ? `` : (stryCov_9fa48("1491"), `${because}; pods may end`));
          }
        }
      }
    };
    scenario.steps.forEach((_step, index) => {
      if (stryMutAct_9fa48("1492")) {
        {}
      } else {
        stryCov_9fa48("1492");
        const prefix = stryMutAct_9fa48("1493") ? `` : (stryCov_9fa48("1493"), `step${stryMutAct_9fa48("1494") ? index - 1 : (stryCov_9fa48("1494"), index + 1)}`);
        const decision = late[index].decision;
        const other = early[index].decision;
        if (stryMutAct_9fa48("1497") ? decision && other || decision.admitted === other.admitted : stryMutAct_9fa48("1496") ? false : stryMutAct_9fa48("1495") ? true : (stryCov_9fa48("1495", "1496", "1497"), (stryMutAct_9fa48("1499") ? decision || other : stryMutAct_9fa48("1498") ? true : (stryCov_9fa48("1498", "1499"), decision && other)) && (stryMutAct_9fa48("1501") ? decision.admitted !== other.admitted : stryMutAct_9fa48("1500") ? true : (stryCov_9fa48("1500", "1501"), decision.admitted === other.admitted)))) {
          if (stryMutAct_9fa48("1502")) {
            {}
          } else {
            stryCov_9fa48("1502");
            // Both replays agree on the outcome; the message is compared only when it is the same in both.
            const sameMessage = stryMutAct_9fa48("1505") ? decision.admitted && !other.admitted && sameParts(decision, other) : stryMutAct_9fa48("1504") ? false : stryMutAct_9fa48("1503") ? true : (stryCov_9fa48("1503", "1504", "1505"), decision.admitted || (stryMutAct_9fa48("1507") ? !other.admitted || sameParts(decision, other) : stryMutAct_9fa48("1506") ? false : (stryCov_9fa48("1506", "1507"), (stryMutAct_9fa48("1508") ? other.admitted : (stryCov_9fa48("1508"), !other.admitted)) && sameParts(decision, other))));
            decisionFields(prefix, decision, fields, sameMessage);
          }
        }
        usageField(prefix, index);
      }
    });
    if (stryMutAct_9fa48("1512") ? scenario.steps.length <= 0 : stryMutAct_9fa48("1511") ? scenario.steps.length >= 0 : stryMutAct_9fa48("1510") ? false : stryMutAct_9fa48("1509") ? true : (stryCov_9fa48("1509", "1510", "1511", "1512"), scenario.steps.length > 0)) usageField(stryMutAct_9fa48("1513") ? "" : (stryCov_9fa48("1513"), 'afterSteps'), stryMutAct_9fa48("1514") ? scenario.steps.length + 1 : (stryCov_9fa48("1514"), scenario.steps.length - 1));
    return stryMutAct_9fa48("1515") ? {} : (stryCov_9fa48("1515"), {
      family: stryMutAct_9fa48("1516") ? "" : (stryCov_9fa48("1516"), 'quota'),
      fields
    });
  }
}