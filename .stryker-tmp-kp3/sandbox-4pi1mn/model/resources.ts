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
import { podRequests, resolvePod, type ResolvedPod, type ResourceList } from './effective-request';
import type { Expectation, FieldExpectation, ModelOptions } from './expectation';
import { computePodQos } from './qos';
import { formatMebibytes } from './quantities';
import { contains, equals, field } from './resources-field';
import type { ContainerScenario, PodScenario, ResourcesScenario } from './scenario';

/** A node as the scheduler's fit filter sees it: allocatable and what bound pods already request. */
export interface NodeResources {
  name: string;
  allocatable: ResourceList;
  requested?: ResourceList;
}
export interface SchedulingVerdict {
  schedulable: boolean;
  /** Resources some node lacked, e.g. ["cpu", "example.com/dongle"] (message: "Insufficient cpu"). */
  insufficient: string[];
}

/**
 * Fit filter: a node fits when, for every resource the pod requests (> 0), requested + request ≤
 * allocatable (a resource the node does not advertise counts as 0).
 * Source: pkg/scheduler/framework/plugins/noderesources/fit.go fitsRequest.
 */
export function schedulingVerdict(request: ResourceList, nodes: readonly NodeResources[]): SchedulingVerdict {
  if (stryMutAct_9fa48("1517")) {
    {}
  } else {
    stryCov_9fa48("1517");
    const insufficient = new Set<string>();
    let schedulable = stryMutAct_9fa48("1518") ? true : (stryCov_9fa48("1518"), false);
    for (const node of nodes) {
      if (stryMutAct_9fa48("1519")) {
        {}
      } else {
        stryCov_9fa48("1519");
        const lacking = stryMutAct_9fa48("1521") ? Object.entries(request).filter(([name, amount]) => (node.requested?.[name] ?? 0) + amount > (node.allocatable[name] ?? 0)).map(([name]) => name) : stryMutAct_9fa48("1520") ? Object.entries(request).filter(([, amount]) => amount > 0).map(([name]) => name) : (stryCov_9fa48("1520", "1521"), Object.entries(request).filter(stryMutAct_9fa48("1522") ? () => undefined : (stryCov_9fa48("1522"), ([, amount]) => stryMutAct_9fa48("1526") ? amount <= 0 : stryMutAct_9fa48("1525") ? amount >= 0 : stryMutAct_9fa48("1524") ? false : stryMutAct_9fa48("1523") ? true : (stryCov_9fa48("1523", "1524", "1525", "1526"), amount > 0))).filter(stryMutAct_9fa48("1527") ? () => undefined : (stryCov_9fa48("1527"), ([name, amount]) => stryMutAct_9fa48("1531") ? (node.requested?.[name] ?? 0) + amount <= (node.allocatable[name] ?? 0) : stryMutAct_9fa48("1530") ? (node.requested?.[name] ?? 0) + amount >= (node.allocatable[name] ?? 0) : stryMutAct_9fa48("1529") ? false : stryMutAct_9fa48("1528") ? true : (stryCov_9fa48("1528", "1529", "1530", "1531"), (stryMutAct_9fa48("1532") ? (node.requested?.[name] ?? 0) - amount : (stryCov_9fa48("1532"), (stryMutAct_9fa48("1533") ? node.requested?.[name] && 0 : (stryCov_9fa48("1533"), (stryMutAct_9fa48("1534") ? node.requested[name] : (stryCov_9fa48("1534"), node.requested?.[name])) ?? 0)) + amount)) > (stryMutAct_9fa48("1535") ? node.allocatable[name] && 0 : (stryCov_9fa48("1535"), node.allocatable[name] ?? 0))))).map(stryMutAct_9fa48("1536") ? () => undefined : (stryCov_9fa48("1536"), ([name]) => name)));
        if (stryMutAct_9fa48("1539") ? lacking.length !== 0 : stryMutAct_9fa48("1538") ? false : stryMutAct_9fa48("1537") ? true : (stryCov_9fa48("1537", "1538", "1539"), lacking.length === 0)) schedulable = stryMutAct_9fa48("1540") ? false : (stryCov_9fa48("1540"), true);
        lacking.forEach(stryMutAct_9fa48("1541") ? () => undefined : (stryCov_9fa48("1541"), name => insufficient.add(name)));
      }
    }
    return stryMutAct_9fa48("1542") ? {} : (stryCov_9fa48("1542"), {
      schedulable,
      insufficient: schedulable ? stryMutAct_9fa48("1543") ? ["Stryker was here"] : (stryCov_9fa48("1543"), []) : stryMutAct_9fa48("1544") ? [...insufficient] : (stryCov_9fa48("1544"), (stryMutAct_9fa48("1545") ? [] : (stryCov_9fa48("1545"), [...insufficient])).sort())
    });
  }
}

/**
 * The scenario carries no nodes, so expectResources assumes any test node has at least SURELY_FITS
 * free and none has SURELY_EXCEEDS; generators keep native asks on one side of that gap, and an ask
 * in between gets no scheduling expectation.
 */
export const SURELY_FITS: ResourceList = stryMutAct_9fa48("1546") ? {} : (stryCov_9fa48("1546"), {
  cpu: 1000,
  memory: 1024,
  'ephemeral-storage': 1024
});
export const SURELY_EXCEEDS: ResourceList = stryMutAct_9fa48("1547") ? {} : (stryCov_9fa48("1547"), {
  cpu: 256_000,
  memory: stryMutAct_9fa48("1548") ? 1024 / 1024 : (stryCov_9fa48("1548"), 1024 * 1024),
  'ephemeral-storage': stryMutAct_9fa48("1549") ? 100 * 1024 / 1024 : (stryCov_9fa48("1549"), (stryMutAct_9fa48("1550") ? 100 / 1024 : (stryCov_9fa48("1550"), 100 * 1024)) * 1024)
});

/** An OOM needs the program to start and allocate; an eviction waits for the eviction manager's pass. */
export const OOM_MARGIN_SECONDS = 10;
export const RESTART_MARGIN_SECONDS = 30;
export const EVICTION_MARGIN_SECONDS = 30;
/** Below this much headroom (Mi) an allocation may or may not be killed: the shell's own memory counts too. */
export const MEMORY_HEADROOM_MI = 16;
/** Writes this close to a limit (Mi) are ambiguous: logs and the writable layer count too. */
export const STORAGE_HEADROOM_MI = 1;
type Schedulability = {
  kind: 'fits';
} | {
  kind: 'unschedulable';
  insufficient: string[];
} | {
  kind: 'unknown';
};
function isExtended(name: string): boolean {
  if (stryMutAct_9fa48("1551")) {
    {}
  } else {
    stryCov_9fa48("1551");
    return name.includes(stryMutAct_9fa48("1552") ? "" : (stryCov_9fa48("1552"), '/'));
  }
}

/** Schedulability under the documented node assumption and the scenario's patched extended capacity. */
export function assumedSchedulability(request: ResourceList, scenario: ResourcesScenario): Schedulability {
  if (stryMutAct_9fa48("1553")) {
    {}
  } else {
    stryCov_9fa48("1553");
    const insufficient: string[] = stryMutAct_9fa48("1554") ? ["Stryker was here"] : (stryCov_9fa48("1554"), []);
    let unknown = stryMutAct_9fa48("1555") ? true : (stryCov_9fa48("1555"), false);
    for (const [name, amount] of Object.entries(request)) {
      if (stryMutAct_9fa48("1556")) {
        {}
      } else {
        stryCov_9fa48("1556");
        if (stryMutAct_9fa48("1560") ? amount > 0 : stryMutAct_9fa48("1559") ? amount < 0 : stryMutAct_9fa48("1558") ? false : stryMutAct_9fa48("1557") ? true : (stryCov_9fa48("1557", "1558", "1559", "1560"), amount <= 0)) continue;
        if (stryMutAct_9fa48("1562") ? false : stryMutAct_9fa48("1561") ? true : (stryCov_9fa48("1561", "1562"), isExtended(name))) {
          if (stryMutAct_9fa48("1563")) {
            {}
          } else {
            stryCov_9fa48("1563");
            const capacity = (stryMutAct_9fa48("1566") ? scenario.extendedCapacity?.resource !== name : stryMutAct_9fa48("1565") ? false : stryMutAct_9fa48("1564") ? true : (stryCov_9fa48("1564", "1565", "1566"), (stryMutAct_9fa48("1567") ? scenario.extendedCapacity.resource : (stryCov_9fa48("1567"), scenario.extendedCapacity?.resource)) === name)) ? scenario.extendedCapacity.perNode : 0;
            if (stryMutAct_9fa48("1571") ? amount <= capacity : stryMutAct_9fa48("1570") ? amount >= capacity : stryMutAct_9fa48("1569") ? false : stryMutAct_9fa48("1568") ? true : (stryCov_9fa48("1568", "1569", "1570", "1571"), amount > capacity)) insufficient.push(name);
          }
        } else if (stryMutAct_9fa48("1574") ? name in SURELY_EXCEEDS || amount >= SURELY_EXCEEDS[name] : stryMutAct_9fa48("1573") ? false : stryMutAct_9fa48("1572") ? true : (stryCov_9fa48("1572", "1573", "1574"), name in SURELY_EXCEEDS && (stryMutAct_9fa48("1577") ? amount < SURELY_EXCEEDS[name] : stryMutAct_9fa48("1576") ? amount > SURELY_EXCEEDS[name] : stryMutAct_9fa48("1575") ? true : (stryCov_9fa48("1575", "1576", "1577"), amount >= SURELY_EXCEEDS[name])))) {
          if (stryMutAct_9fa48("1578")) {
            {}
          } else {
            stryCov_9fa48("1578");
            insufficient.push(name);
          }
        } else if (stryMutAct_9fa48("1581") ? !(name in SURELY_FITS) && amount > SURELY_FITS[name] : stryMutAct_9fa48("1580") ? false : stryMutAct_9fa48("1579") ? true : (stryCov_9fa48("1579", "1580", "1581"), (stryMutAct_9fa48("1582") ? name in SURELY_FITS : (stryCov_9fa48("1582"), !(name in SURELY_FITS))) || (stryMutAct_9fa48("1585") ? amount <= SURELY_FITS[name] : stryMutAct_9fa48("1584") ? amount >= SURELY_FITS[name] : stryMutAct_9fa48("1583") ? false : (stryCov_9fa48("1583", "1584", "1585"), amount > SURELY_FITS[name])))) {
          if (stryMutAct_9fa48("1586")) {
            {}
          } else {
            stryCov_9fa48("1586");
            unknown = stryMutAct_9fa48("1587") ? false : (stryCov_9fa48("1587"), true);
          }
        }
      }
    }
    if (stryMutAct_9fa48("1591") ? insufficient.length <= 0 : stryMutAct_9fa48("1590") ? insufficient.length >= 0 : stryMutAct_9fa48("1589") ? false : stryMutAct_9fa48("1588") ? true : (stryCov_9fa48("1588", "1589", "1590", "1591"), insufficient.length > 0)) return stryMutAct_9fa48("1592") ? {} : (stryCov_9fa48("1592"), {
      kind: stryMutAct_9fa48("1593") ? "" : (stryCov_9fa48("1593"), 'unschedulable'),
      insufficient: stryMutAct_9fa48("1594") ? insufficient : (stryCov_9fa48("1594"), insufficient.sort())
    });
    return unknown ? stryMutAct_9fa48("1595") ? {} : (stryCov_9fa48("1595"), {
      kind: stryMutAct_9fa48("1596") ? "" : (stryCov_9fa48("1596"), 'unknown')
    }) : stryMutAct_9fa48("1597") ? {} : (stryCov_9fa48("1597"), {
      kind: stryMutAct_9fa48("1598") ? "" : (stryCov_9fa48("1598"), 'fits')
    });
  }
}

/**
 * Extended resources cannot be overcommitted: a request needs a limit and must equal it; a limit
 * alone defaults the request. Source: pkg/apis/core/validation/validation.go ValidateResourceRequirements.
 * Returns the stable parts of the 422 message, or undefined when valid.
 */
export function extendedResourceViolation(container: ContainerScenario): string[] | undefined {
  if (stryMutAct_9fa48("1599")) {
    {}
  } else {
    stryCov_9fa48("1599");
    const requests = stryMutAct_9fa48("1600") ? container.resources.requests.extended && {} : (stryCov_9fa48("1600"), container.resources.requests.extended ?? {});
    const limits = stryMutAct_9fa48("1601") ? container.resources.limits.extended && {} : (stryCov_9fa48("1601"), container.resources.limits.extended ?? {});
    for (const [name, request] of Object.entries(requests)) {
      if (stryMutAct_9fa48("1602")) {
        {}
      } else {
        stryCov_9fa48("1602");
        if (stryMutAct_9fa48("1605") ? false : stryMutAct_9fa48("1604") ? true : stryMutAct_9fa48("1603") ? name in limits : (stryCov_9fa48("1603", "1604", "1605"), !(name in limits))) return stryMutAct_9fa48("1606") ? [] : (stryCov_9fa48("1606"), [stryMutAct_9fa48("1607") ? "" : (stryCov_9fa48("1607"), 'Limit must be set for non overcommitable resources')]);
        if (stryMutAct_9fa48("1610") ? limits[name] === request : stryMutAct_9fa48("1609") ? false : stryMutAct_9fa48("1608") ? true : (stryCov_9fa48("1608", "1609", "1610"), limits[name] !== request)) return stryMutAct_9fa48("1611") ? [] : (stryCov_9fa48("1611"), [stryMutAct_9fa48("1612") ? `` : (stryCov_9fa48("1612"), `must be equal to ${name} limit`)]);
      }
    }
    return undefined;
  }
}
function memoryOutcome(container: ContainerScenario): boolean | undefined {
  if (stryMutAct_9fa48("1613")) {
    {}
  } else {
    stryCov_9fa48("1613");
    const allocated = container.behaviour.allocateMemoryMi;
    const limit = container.resources.limits.memoryMi;
    if (stryMutAct_9fa48("1616") ? allocated === undefined && limit === undefined : stryMutAct_9fa48("1615") ? false : stryMutAct_9fa48("1614") ? true : (stryCov_9fa48("1614", "1615", "1616"), (stryMutAct_9fa48("1618") ? allocated !== undefined : stryMutAct_9fa48("1617") ? false : (stryCov_9fa48("1617", "1618"), allocated === undefined)) || (stryMutAct_9fa48("1620") ? limit !== undefined : stryMutAct_9fa48("1619") ? false : (stryCov_9fa48("1619", "1620"), limit === undefined)))) return (stryMutAct_9fa48("1623") ? allocated !== undefined : stryMutAct_9fa48("1622") ? false : stryMutAct_9fa48("1621") ? true : (stryCov_9fa48("1621", "1622", "1623"), allocated === undefined)) ? stryMutAct_9fa48("1624") ? true : (stryCov_9fa48("1624"), false) : undefined;
    if (stryMutAct_9fa48("1628") ? allocated <= limit : stryMutAct_9fa48("1627") ? allocated >= limit : stryMutAct_9fa48("1626") ? false : stryMutAct_9fa48("1625") ? true : (stryCov_9fa48("1625", "1626", "1627", "1628"), allocated > limit)) return stryMutAct_9fa48("1629") ? false : (stryCov_9fa48("1629"), true);
    return (stryMutAct_9fa48("1633") ? allocated * 2 + MEMORY_HEADROOM_MI > limit : stryMutAct_9fa48("1632") ? allocated * 2 + MEMORY_HEADROOM_MI < limit : stryMutAct_9fa48("1631") ? false : stryMutAct_9fa48("1630") ? true : (stryCov_9fa48("1630", "1631", "1632", "1633"), (stryMutAct_9fa48("1634") ? allocated * 2 - MEMORY_HEADROOM_MI : (stryCov_9fa48("1634"), (stryMutAct_9fa48("1635") ? allocated / 2 : (stryCov_9fa48("1635"), allocated * 2)) + MEMORY_HEADROOM_MI)) <= limit)) ? stryMutAct_9fa48("1636") ? true : (stryCov_9fa48("1636"), false) : undefined;
  }
}
interface EvictionOutcome {
  evicted: boolean;
  /** Stable parts of status.message when evicted. */
  message?: string[];
}

/**
 * Ephemeral-storage eviction: the pod-level check (usage over the sum of container limits) runs
 * before the per-container one. Source: pkg/kubelet/eviction/eviction_manager.go localStorageEviction,
 * messages from pkg/kubelet/eviction/helpers.go.
 */
export function ephemeralEviction(pod: PodScenario): EvictionOutcome | undefined {
  if (stryMutAct_9fa48("1637")) {
    {}
  } else {
    stryCov_9fa48("1637");
    const all = stryMutAct_9fa48("1638") ? [] : (stryCov_9fa48("1638"), [...pod.initContainers, ...pod.containers]);
    const limited = stryMutAct_9fa48("1639") ? all : (stryCov_9fa48("1639"), all.filter(stryMutAct_9fa48("1640") ? () => undefined : (stryCov_9fa48("1640"), c => stryMutAct_9fa48("1643") ? c.resources.limits.ephemeralStorageMi === undefined : stryMutAct_9fa48("1642") ? false : stryMutAct_9fa48("1641") ? true : (stryCov_9fa48("1641", "1642", "1643"), c.resources.limits.ephemeralStorageMi !== undefined))));
    if (stryMutAct_9fa48("1646") ? limited.length !== 0 : stryMutAct_9fa48("1645") ? false : stryMutAct_9fa48("1644") ? true : (stryCov_9fa48("1644", "1645", "1646"), limited.length === 0)) return (stryMutAct_9fa48("1647") ? all.every(c => c.behaviour.writeEphemeralMi) : (stryCov_9fa48("1647"), all.some(stryMutAct_9fa48("1648") ? () => undefined : (stryCov_9fa48("1648"), c => c.behaviour.writeEphemeralMi)))) ? undefined : stryMutAct_9fa48("1649") ? {} : (stryCov_9fa48("1649"), {
      evicted: stryMutAct_9fa48("1650") ? true : (stryCov_9fa48("1650"), false)
    });
    const podLimit = limited.reduce(stryMutAct_9fa48("1651") ? () => undefined : (stryCov_9fa48("1651"), (sum, c) => stryMutAct_9fa48("1652") ? sum - (c.resources.limits.ephemeralStorageMi ?? 0) : (stryCov_9fa48("1652"), sum + (stryMutAct_9fa48("1653") ? c.resources.limits.ephemeralStorageMi && 0 : (stryCov_9fa48("1653"), c.resources.limits.ephemeralStorageMi ?? 0)))), 0);
    const written = all.reduce(stryMutAct_9fa48("1654") ? () => undefined : (stryCov_9fa48("1654"), (sum, c) => stryMutAct_9fa48("1655") ? sum - (c.behaviour.writeEphemeralMi ?? 0) : (stryCov_9fa48("1655"), sum + (stryMutAct_9fa48("1656") ? c.behaviour.writeEphemeralMi && 0 : (stryCov_9fa48("1656"), c.behaviour.writeEphemeralMi ?? 0)))), 0);
    if (stryMutAct_9fa48("1660") ? written <= podLimit + STORAGE_HEADROOM_MI : stryMutAct_9fa48("1659") ? written >= podLimit + STORAGE_HEADROOM_MI : stryMutAct_9fa48("1658") ? false : stryMutAct_9fa48("1657") ? true : (stryCov_9fa48("1657", "1658", "1659", "1660"), written > (stryMutAct_9fa48("1661") ? podLimit - STORAGE_HEADROOM_MI : (stryCov_9fa48("1661"), podLimit + STORAGE_HEADROOM_MI)))) {
      if (stryMutAct_9fa48("1662")) {
        {}
      } else {
        stryCov_9fa48("1662");
        return stryMutAct_9fa48("1663") ? {} : (stryCov_9fa48("1663"), {
          evicted: stryMutAct_9fa48("1664") ? false : (stryCov_9fa48("1664"), true),
          message: stryMutAct_9fa48("1665") ? [] : (stryCov_9fa48("1665"), [stryMutAct_9fa48("1666") ? "" : (stryCov_9fa48("1666"), 'Pod ephemeral local storage usage exceeds the total limit of containers'), formatMebibytes(podLimit)])
        });
      }
    }
    const over = limited.find(stryMutAct_9fa48("1667") ? () => undefined : (stryCov_9fa48("1667"), c => stryMutAct_9fa48("1671") ? (c.behaviour.writeEphemeralMi ?? 0) <= (c.resources.limits.ephemeralStorageMi ?? 0) + STORAGE_HEADROOM_MI : stryMutAct_9fa48("1670") ? (c.behaviour.writeEphemeralMi ?? 0) >= (c.resources.limits.ephemeralStorageMi ?? 0) + STORAGE_HEADROOM_MI : stryMutAct_9fa48("1669") ? false : stryMutAct_9fa48("1668") ? true : (stryCov_9fa48("1668", "1669", "1670", "1671"), (stryMutAct_9fa48("1672") ? c.behaviour.writeEphemeralMi && 0 : (stryCov_9fa48("1672"), c.behaviour.writeEphemeralMi ?? 0)) > (stryMutAct_9fa48("1673") ? (c.resources.limits.ephemeralStorageMi ?? 0) - STORAGE_HEADROOM_MI : (stryCov_9fa48("1673"), (stryMutAct_9fa48("1674") ? c.resources.limits.ephemeralStorageMi && 0 : (stryCov_9fa48("1674"), c.resources.limits.ephemeralStorageMi ?? 0)) + STORAGE_HEADROOM_MI)))));
    if (stryMutAct_9fa48("1676") ? false : stryMutAct_9fa48("1675") ? true : (stryCov_9fa48("1675", "1676"), over)) {
      if (stryMutAct_9fa48("1677")) {
        {}
      } else {
        stryCov_9fa48("1677");
        const limit = formatMebibytes(stryMutAct_9fa48("1678") ? over.resources.limits.ephemeralStorageMi && 0 : (stryCov_9fa48("1678"), over.resources.limits.ephemeralStorageMi ?? 0));
        return stryMutAct_9fa48("1679") ? {} : (stryCov_9fa48("1679"), {
          evicted: stryMutAct_9fa48("1680") ? false : (stryCov_9fa48("1680"), true),
          message: stryMutAct_9fa48("1681") ? [] : (stryCov_9fa48("1681"), [stryMutAct_9fa48("1682") ? `` : (stryCov_9fa48("1682"), `Container ${over.name} exceeded its local ephemeral storage limit "${limit}"`)])
        });
      }
    }
    const clearlyUnder = stryMutAct_9fa48("1683") ? limited.some(c => (c.behaviour.writeEphemeralMi ?? 0) + STORAGE_HEADROOM_MI < (c.resources.limits.ephemeralStorageMi ?? 0)) : (stryCov_9fa48("1683"), limited.every(stryMutAct_9fa48("1684") ? () => undefined : (stryCov_9fa48("1684"), c => stryMutAct_9fa48("1688") ? (c.behaviour.writeEphemeralMi ?? 0) + STORAGE_HEADROOM_MI >= (c.resources.limits.ephemeralStorageMi ?? 0) : stryMutAct_9fa48("1687") ? (c.behaviour.writeEphemeralMi ?? 0) + STORAGE_HEADROOM_MI <= (c.resources.limits.ephemeralStorageMi ?? 0) : stryMutAct_9fa48("1686") ? false : stryMutAct_9fa48("1685") ? true : (stryCov_9fa48("1685", "1686", "1687", "1688"), (stryMutAct_9fa48("1689") ? (c.behaviour.writeEphemeralMi ?? 0) - STORAGE_HEADROOM_MI : (stryCov_9fa48("1689"), (stryMutAct_9fa48("1690") ? c.behaviour.writeEphemeralMi && 0 : (stryCov_9fa48("1690"), c.behaviour.writeEphemeralMi ?? 0)) + STORAGE_HEADROOM_MI)) < (stryMutAct_9fa48("1691") ? c.resources.limits.ephemeralStorageMi && 0 : (stryCov_9fa48("1691"), c.resources.limits.ephemeralStorageMi ?? 0))))));
    return (stryMutAct_9fa48("1694") ? clearlyUnder || written + STORAGE_HEADROOM_MI < podLimit : stryMutAct_9fa48("1693") ? false : stryMutAct_9fa48("1692") ? true : (stryCov_9fa48("1692", "1693", "1694"), clearlyUnder && (stryMutAct_9fa48("1697") ? written + STORAGE_HEADROOM_MI >= podLimit : stryMutAct_9fa48("1696") ? written + STORAGE_HEADROOM_MI <= podLimit : stryMutAct_9fa48("1695") ? true : (stryCov_9fa48("1695", "1696", "1697"), (stryMutAct_9fa48("1698") ? written - STORAGE_HEADROOM_MI : (stryCov_9fa48("1698"), written + STORAGE_HEADROOM_MI)) < podLimit)))) ? stryMutAct_9fa48("1699") ? {} : (stryCov_9fa48("1699"), {
      evicted: stryMutAct_9fa48("1700") ? true : (stryCov_9fa48("1700"), false)
    }) : undefined;
  }
}
function qosBecause(pod: ResolvedPod): string {
  if (stryMutAct_9fa48("1701")) {
    {}
  } else {
    stryCov_9fa48("1701");
    const show = stryMutAct_9fa48("1702") ? () => undefined : (stryCov_9fa48("1702"), (() => {
      const show = (c: {
        name: string;
        requests: ResourceList;
        limits: ResourceList;
      }) => stryMutAct_9fa48("1703") ? `` : (stryCov_9fa48("1703"), `${c.name} req ${JSON.stringify(c.requests)} lim ${JSON.stringify(c.limits)}`);
      return show;
    })());
    return (stryMutAct_9fa48("1704") ? [] : (stryCov_9fa48("1704"), [...pod.containers, ...pod.initContainers])).map(show).join(stryMutAct_9fa48("1705") ? "" : (stryCov_9fa48("1705"), '; '));
  }
}

/** Expectations for a resources scenario: admission, QoS, scheduling, OOM kills and evictions. */
export function expectResources(scenario: ResourcesScenario, capabilities: Capabilities, _options: ModelOptions): Expectation {
  if (stryMutAct_9fa48("1706")) {
    {}
  } else {
    stryCov_9fa48("1706");
    const pod = scenario.pod;
    const p = pod.name;
    const fields: Record<string, FieldExpectation> = {};
    const invalid = (stryMutAct_9fa48("1707") ? [] : (stryCov_9fa48("1707"), [...pod.initContainers, ...pod.containers])).map(extendedResourceViolation).find(stryMutAct_9fa48("1708") ? () => undefined : (stryCov_9fa48("1708"), parts => stryMutAct_9fa48("1711") ? parts === undefined : stryMutAct_9fa48("1710") ? false : stryMutAct_9fa48("1709") ? true : (stryCov_9fa48("1709", "1710", "1711"), parts !== undefined)));
    if (stryMutAct_9fa48("1713") ? false : stryMutAct_9fa48("1712") ? true : (stryCov_9fa48("1712", "1713"), invalid)) {
      if (stryMutAct_9fa48("1714")) {
        {}
      } else {
        stryCov_9fa48("1714");
        fields[stryMutAct_9fa48("1715") ? `` : (stryCov_9fa48("1715"), `${p}.admitted`)] = equals(stryMutAct_9fa48("1716") ? true : (stryCov_9fa48("1716"), false), stryMutAct_9fa48("1717") ? "" : (stryCov_9fa48("1717"), 'resources.extended-not-overcommittable'), stryMutAct_9fa48("1718") ? "" : (stryCov_9fa48("1718"), 'extended request ≠ limit: 422'));
        fields[stryMutAct_9fa48("1719") ? `` : (stryCov_9fa48("1719"), `${p}.reason`)] = contains(invalid, stryMutAct_9fa48("1720") ? "" : (stryCov_9fa48("1720"), 'resources.extended-not-overcommittable'), stryMutAct_9fa48("1721") ? "" : (stryCov_9fa48("1721"), 'validation message'));
        return stryMutAct_9fa48("1722") ? {} : (stryCov_9fa48("1722"), {
          family: stryMutAct_9fa48("1723") ? "" : (stryCov_9fa48("1723"), 'resources'),
          fields
        });
      }
    }
    fields[stryMutAct_9fa48("1724") ? `` : (stryCov_9fa48("1724"), `${p}.admitted`)] = equals(stryMutAct_9fa48("1725") ? false : (stryCov_9fa48("1725"), true), stryMutAct_9fa48("1726") ? "" : (stryCov_9fa48("1726"), 'resources.extended-not-overcommittable'), stryMutAct_9fa48("1727") ? "" : (stryCov_9fa48("1727"), 'valid resources: created'));
    const resolved = resolvePod(pod, capabilities.sidecars);
    fields[stryMutAct_9fa48("1728") ? `` : (stryCov_9fa48("1728"), `${p}.qosClass`)] = equals(computePodQos(resolved), stryMutAct_9fa48("1729") ? "" : (stryCov_9fa48("1729"), 'resources.qos-class'), qosBecause(resolved));
    const request = podRequests(resolved);
    const placement = assumedSchedulability(request, scenario);
    if (stryMutAct_9fa48("1732") ? placement.kind !== 'unschedulable' : stryMutAct_9fa48("1731") ? false : stryMutAct_9fa48("1730") ? true : (stryCov_9fa48("1730", "1731", "1732"), placement.kind === (stryMutAct_9fa48("1733") ? "" : (stryCov_9fa48("1733"), 'unschedulable')))) {
      if (stryMutAct_9fa48("1734")) {
        {}
      } else {
        stryCov_9fa48("1734");
        const because = stryMutAct_9fa48("1735") ? `` : (stryCov_9fa48("1735"), `effective request ${JSON.stringify(request)} exceeds every node`);
        fields[stryMutAct_9fa48("1736") ? `` : (stryCov_9fa48("1736"), `${p}.scheduled`)] = equals(stryMutAct_9fa48("1737") ? true : (stryCov_9fa48("1737"), false), stryMutAct_9fa48("1738") ? "" : (stryCov_9fa48("1738"), 'resources.insufficient-unschedulable'), because);
        fields[stryMutAct_9fa48("1739") ? `` : (stryCov_9fa48("1739"), `${p}.schedulingMessage`)] = contains(placement.insufficient.map(stryMutAct_9fa48("1740") ? () => undefined : (stryCov_9fa48("1740"), name => stryMutAct_9fa48("1741") ? `` : (stryCov_9fa48("1741"), `Insufficient ${name}`))), stryMutAct_9fa48("1742") ? "" : (stryCov_9fa48("1742"), 'resources.insufficient-unschedulable'), because);
        return stryMutAct_9fa48("1743") ? {} : (stryCov_9fa48("1743"), {
          family: stryMutAct_9fa48("1744") ? "" : (stryCov_9fa48("1744"), 'resources'),
          fields
        });
      }
    }
    if (stryMutAct_9fa48("1747") ? placement.kind !== 'unknown' : stryMutAct_9fa48("1746") ? false : stryMutAct_9fa48("1745") ? true : (stryCov_9fa48("1745", "1746", "1747"), placement.kind === (stryMutAct_9fa48("1748") ? "" : (stryCov_9fa48("1748"), 'unknown')))) return stryMutAct_9fa48("1749") ? {} : (stryCov_9fa48("1749"), {
      family: stryMutAct_9fa48("1750") ? "" : (stryCov_9fa48("1750"), 'resources'),
      fields
    });
    fields[stryMutAct_9fa48("1751") ? `` : (stryCov_9fa48("1751"), `${p}.scheduled`)] = equals(stryMutAct_9fa48("1752") ? false : (stryCov_9fa48("1752"), true), stryMutAct_9fa48("1753") ? "" : (stryCov_9fa48("1753"), 'resources.fits-scheduled'), stryMutAct_9fa48("1754") ? `` : (stryCov_9fa48("1754"), `request ${JSON.stringify(request)} fits`));
    addRuntimeExpectations(scenario, fields);
    return stryMutAct_9fa48("1755") ? {} : (stryCov_9fa48("1755"), {
      family: stryMutAct_9fa48("1756") ? "" : (stryCov_9fa48("1756"), 'resources'),
      fields
    });
  }
}
function addRuntimeExpectations(scenario: ResourcesScenario, fields: Record<string, FieldExpectation>): void {
  if (stryMutAct_9fa48("1757")) {
    {}
  } else {
    stryCov_9fa48("1757");
    const pod = scenario.pod;
    const p = pod.name;
    const eviction = ephemeralEviction(pod);
    const hasStorageAsk = stryMutAct_9fa48("1758") ? [...pod.initContainers, ...pod.containers].every(c => c.behaviour.writeEphemeralMi !== undefined || c.resources.limits.ephemeralStorageMi !== undefined) : (stryCov_9fa48("1758"), (stryMutAct_9fa48("1759") ? [] : (stryCov_9fa48("1759"), [...pod.initContainers, ...pod.containers])).some(stryMutAct_9fa48("1760") ? () => undefined : (stryCov_9fa48("1760"), c => stryMutAct_9fa48("1763") ? c.behaviour.writeEphemeralMi !== undefined && c.resources.limits.ephemeralStorageMi !== undefined : stryMutAct_9fa48("1762") ? false : stryMutAct_9fa48("1761") ? true : (stryCov_9fa48("1761", "1762", "1763"), (stryMutAct_9fa48("1765") ? c.behaviour.writeEphemeralMi === undefined : stryMutAct_9fa48("1764") ? false : (stryCov_9fa48("1764", "1765"), c.behaviour.writeEphemeralMi !== undefined)) || (stryMutAct_9fa48("1767") ? c.resources.limits.ephemeralStorageMi === undefined : stryMutAct_9fa48("1766") ? false : (stryCov_9fa48("1766", "1767"), c.resources.limits.ephemeralStorageMi !== undefined))))));
    const latestStart = stryMutAct_9fa48("1768") ? Math.min(0, ...pod.containers.map(c => c.behaviour.startDelaySeconds)) : (stryCov_9fa48("1768"), Math.max(0, ...pod.containers.map(stryMutAct_9fa48("1769") ? () => undefined : (stryCov_9fa48("1769"), c => c.behaviour.startDelaySeconds))));
    if (stryMutAct_9fa48("1772") ? eviction && hasStorageAsk || scenario.observeSeconds >= latestStart + EVICTION_MARGIN_SECONDS : stryMutAct_9fa48("1771") ? false : stryMutAct_9fa48("1770") ? true : (stryCov_9fa48("1770", "1771", "1772"), (stryMutAct_9fa48("1774") ? eviction || hasStorageAsk : stryMutAct_9fa48("1773") ? true : (stryCov_9fa48("1773", "1774"), eviction && hasStorageAsk)) && (stryMutAct_9fa48("1777") ? scenario.observeSeconds < latestStart + EVICTION_MARGIN_SECONDS : stryMutAct_9fa48("1776") ? scenario.observeSeconds > latestStart + EVICTION_MARGIN_SECONDS : stryMutAct_9fa48("1775") ? true : (stryCov_9fa48("1775", "1776", "1777"), scenario.observeSeconds >= (stryMutAct_9fa48("1778") ? latestStart - EVICTION_MARGIN_SECONDS : (stryCov_9fa48("1778"), latestStart + EVICTION_MARGIN_SECONDS)))))) {
      if (stryMutAct_9fa48("1779")) {
        {}
      } else {
        stryCov_9fa48("1779");
        fields[stryMutAct_9fa48("1780") ? `` : (stryCov_9fa48("1780"), `${p}.evicted`)] = equals(eviction.evicted, stryMutAct_9fa48("1781") ? "" : (stryCov_9fa48("1781"), 'resources.ephemeral-eviction'), stryMutAct_9fa48("1782") ? "" : (stryCov_9fa48("1782"), 'writes vs ephemeral limits'));
        if (stryMutAct_9fa48("1785") ? eviction.evicted || eviction.message : stryMutAct_9fa48("1784") ? false : stryMutAct_9fa48("1783") ? true : (stryCov_9fa48("1783", "1784", "1785"), eviction.evicted && eviction.message)) {
          if (stryMutAct_9fa48("1786")) {
            {}
          } else {
            stryCov_9fa48("1786");
            fields[stryMutAct_9fa48("1787") ? `` : (stryCov_9fa48("1787"), `${p}.phase`)] = equals(stryMutAct_9fa48("1788") ? "" : (stryCov_9fa48("1788"), 'Failed'), stryMutAct_9fa48("1789") ? "" : (stryCov_9fa48("1789"), 'resources.ephemeral-eviction'), stryMutAct_9fa48("1790") ? "" : (stryCov_9fa48("1790"), 'an evicted pod fails'));
            fields[stryMutAct_9fa48("1791") ? `` : (stryCov_9fa48("1791"), `${p}.statusReason`)] = equals(stryMutAct_9fa48("1792") ? "" : (stryCov_9fa48("1792"), 'Evicted'), stryMutAct_9fa48("1793") ? "" : (stryCov_9fa48("1793"), 'resources.ephemeral-eviction'), stryMutAct_9fa48("1794") ? "" : (stryCov_9fa48("1794"), 'kubelet eviction'));
            fields[stryMutAct_9fa48("1795") ? `` : (stryCov_9fa48("1795"), `${p}.statusMessage`)] = contains(eviction.message, stryMutAct_9fa48("1796") ? "" : (stryCov_9fa48("1796"), 'resources.ephemeral-eviction'), stryMutAct_9fa48("1797") ? "" : (stryCov_9fa48("1797"), 'eviction message'));
            return;
          }
        }
      }
    }
    for (const container of pod.containers) {
      if (stryMutAct_9fa48("1798")) {
        {}
      } else {
        stryCov_9fa48("1798");
        const oom = memoryOutcome(container);
        const start = container.behaviour.startDelaySeconds;
        if (stryMutAct_9fa48("1801") ? oom === undefined && scenario.observeSeconds < start + OOM_MARGIN_SECONDS : stryMutAct_9fa48("1800") ? false : stryMutAct_9fa48("1799") ? true : (stryCov_9fa48("1799", "1800", "1801"), (stryMutAct_9fa48("1803") ? oom !== undefined : stryMutAct_9fa48("1802") ? false : (stryCov_9fa48("1802", "1803"), oom === undefined)) || (stryMutAct_9fa48("1806") ? scenario.observeSeconds >= start + OOM_MARGIN_SECONDS : stryMutAct_9fa48("1805") ? scenario.observeSeconds <= start + OOM_MARGIN_SECONDS : stryMutAct_9fa48("1804") ? false : (stryCov_9fa48("1804", "1805", "1806"), scenario.observeSeconds < (stryMutAct_9fa48("1807") ? start - OOM_MARGIN_SECONDS : (stryCov_9fa48("1807"), start + OOM_MARGIN_SECONDS)))))) continue;
        const because = stryMutAct_9fa48("1808") ? `` : (stryCov_9fa48("1808"), `allocates ${stryMutAct_9fa48("1809") ? container.behaviour.allocateMemoryMi && 0 : (stryCov_9fa48("1809"), container.behaviour.allocateMemoryMi ?? 0)}Mi, limit ${stryMutAct_9fa48("1810") ? container.resources.limits.memoryMi && 'none' : (stryCov_9fa48("1810"), container.resources.limits.memoryMi ?? (stryMutAct_9fa48("1811") ? "" : (stryCov_9fa48("1811"), 'none')))}`);
        fields[stryMutAct_9fa48("1812") ? `` : (stryCov_9fa48("1812"), `${p}.${container.name}.oomKilled`)] = equals(oom, stryMutAct_9fa48("1813") ? "" : (stryCov_9fa48("1813"), 'resources.oom-killed'), because);
        if (stryMutAct_9fa48("1816") ? false : stryMutAct_9fa48("1815") ? true : stryMutAct_9fa48("1814") ? oom : (stryCov_9fa48("1814", "1815", "1816"), !oom)) continue;
        if (stryMutAct_9fa48("1819") ? pod.restartPolicy !== 'Never' : stryMutAct_9fa48("1818") ? false : stryMutAct_9fa48("1817") ? true : (stryCov_9fa48("1817", "1818", "1819"), pod.restartPolicy === (stryMutAct_9fa48("1820") ? "" : (stryCov_9fa48("1820"), 'Never')))) {
          if (stryMutAct_9fa48("1821")) {
            {}
          } else {
            stryCov_9fa48("1821");
            if (stryMutAct_9fa48("1824") ? pod.containers.length === 1 || !pod.initContainers.some(c => c.restartPolicy === 'Always') : stryMutAct_9fa48("1823") ? false : stryMutAct_9fa48("1822") ? true : (stryCov_9fa48("1822", "1823", "1824"), (stryMutAct_9fa48("1826") ? pod.containers.length !== 1 : stryMutAct_9fa48("1825") ? true : (stryCov_9fa48("1825", "1826"), pod.containers.length === 1)) && (stryMutAct_9fa48("1827") ? pod.initContainers.some(c => c.restartPolicy === 'Always') : (stryCov_9fa48("1827"), !(stryMutAct_9fa48("1828") ? pod.initContainers.every(c => c.restartPolicy === 'Always') : (stryCov_9fa48("1828"), pod.initContainers.some(stryMutAct_9fa48("1829") ? () => undefined : (stryCov_9fa48("1829"), c => stryMutAct_9fa48("1832") ? c.restartPolicy !== 'Always' : stryMutAct_9fa48("1831") ? false : stryMutAct_9fa48("1830") ? true : (stryCov_9fa48("1830", "1831", "1832"), c.restartPolicy === (stryMutAct_9fa48("1833") ? "" : (stryCov_9fa48("1833"), 'Always'))))))))))) {
              if (stryMutAct_9fa48("1834")) {
                {}
              } else {
                stryCov_9fa48("1834");
                fields[stryMutAct_9fa48("1835") ? `` : (stryCov_9fa48("1835"), `${p}.phase`)] = equals(stryMutAct_9fa48("1836") ? "" : (stryCov_9fa48("1836"), 'Failed'), stryMutAct_9fa48("1837") ? "" : (stryCov_9fa48("1837"), 'resources.oom-restart-policy'), stryMutAct_9fa48("1838") ? "" : (stryCov_9fa48("1838"), 'only container OOM-killed, Never'));
              }
            }
            fields[stryMutAct_9fa48("1839") ? `` : (stryCov_9fa48("1839"), `${p}.${container.name}.restartCount`)] = field(stryMutAct_9fa48("1840") ? {} : (stryCov_9fa48("1840"), {
              kind: stryMutAct_9fa48("1841") ? "" : (stryCov_9fa48("1841"), 'range'),
              min: 0,
              max: 0
            }), stryMutAct_9fa48("1842") ? "" : (stryCov_9fa48("1842"), 'resources.oom-restart-policy'), stryMutAct_9fa48("1843") ? "" : (stryCov_9fa48("1843"), 'restartPolicy Never: not restarted'));
          }
        } else if (stryMutAct_9fa48("1847") ? scenario.observeSeconds < start + RESTART_MARGIN_SECONDS : stryMutAct_9fa48("1846") ? scenario.observeSeconds > start + RESTART_MARGIN_SECONDS : stryMutAct_9fa48("1845") ? false : stryMutAct_9fa48("1844") ? true : (stryCov_9fa48("1844", "1845", "1846", "1847"), scenario.observeSeconds >= (stryMutAct_9fa48("1848") ? start - RESTART_MARGIN_SECONDS : (stryCov_9fa48("1848"), start + RESTART_MARGIN_SECONDS)))) {
          if (stryMutAct_9fa48("1849")) {
            {}
          } else {
            stryCov_9fa48("1849");
            fields[stryMutAct_9fa48("1850") ? `` : (stryCov_9fa48("1850"), `${p}.${container.name}.restartCount`)] = field(stryMutAct_9fa48("1851") ? {} : (stryCov_9fa48("1851"), {
              kind: stryMutAct_9fa48("1852") ? "" : (stryCov_9fa48("1852"), 'range'),
              min: 1,
              max: Number.MAX_SAFE_INTEGER
            }), stryMutAct_9fa48("1853") ? "" : (stryCov_9fa48("1853"), 'resources.oom-restart-policy'), stryMutAct_9fa48("1854") ? `` : (stryCov_9fa48("1854"), `restartPolicy ${pod.restartPolicy}: restarted after OOMKilled (137)`));
          }
        }
      }
    }
  }
}