import type { Observation, Observed, TimelineEntry } from '../../model/observation';
import { REASON_TO_CHECK } from '../../model/podsecurity';
import type { PodSecurityScenario } from '../../model/scenario';
import type { Trace, TraceEntry } from '../../model/trace';
import { podCreateEvent, PSA_AUDIT_VIOLATIONS } from '../audit-log';
import { admissionFields, missing, statusMessage, text } from './resources-trace';

const POLICY = /PodSecurity "([a-z]+):([^"]+)": /;

/** Splits "a (x, y), b (z)" at the commas outside parentheses. */
function topLevelItems(list: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    if (list[i] === '(') depth++;
    else if (list[i] === ')') depth--;
    else if (depth === 0 && list.startsWith(', ', i)) {
      items.push(list.slice(start, i));
      start = i + 2;
    }
  }
  items.push(list.slice(start));
  return items;
}

/**
 * The failed checks named in a PSA message ("... PodSecurity \"restricted:latest\": privileged (...), ..."):
 * each top-level item is "<forbidden reason> (<detail>)".
 */
export function violationsInMessage(message: string): string[] | undefined {
  const match = POLICY.exec(message);
  if (!match) return undefined;
  const [, level, version] = match;
  const oldPolicy = /^v1\.(\d+)$/.exec(version);
  const restrictedSeccomp = level === 'restricted' && (!oldPolicy || Number(oldPolicy[1]) >= 19);
  const found = new Set<string>();
  for (const item of topLevelItems(message.slice(match.index + match[0].length))) {
    const check = REASON_TO_CHECK[item.split(' (')[0]];
    if (check === undefined) continue;
    found.add(check === 'seccompProfile_baseline' && restrictedSeccomp ? 'seccompProfile_restricted' : check);
  }
  return [...found].sort();
}

/**
 * Reduces a Pod Security case: admission; when rejected, the failed checks named in the Forbidden
 * message; when admitted, the checks named in the "would violate PodSecurity" warning (an admitted
 * create without such a warning is observed as no violations).
 */
export function observePodSecurity(trace: Trace, scenario: PodSecurityScenario): Observation {
  const name = scenario.pod.name;
  const fields: Record<string, Observed> = {};
  const timeline: TimelineEntry[] = [];
  const result = admissionFields(trace, name, fields, timeline);
  if (!result) return { fields, timeline, anchors: {} };
  if (!result.ok) {
    const violations = violationsInMessage(statusMessage(result));
    fields[`${name}.enforce.violations`] = violations
      ? { kind: 'list', values: violations }
      : missing('rejection does not name a PodSecurity policy');
    return { fields, timeline, anchors: {} };
  }
  if (result.warnings === undefined) {
    fields[`${name}.warn.violations`] = missing('warnings not recorded');
    return { fields, timeline, anchors: {} };
  }
  const warning = result.warnings.find((w) => w.includes('would violate PodSecurity'));
  fields[`${name}.warn.violations`] = {
    kind: 'list',
    values: warning ? (violationsInMessage(warning) ?? []) : [],
  };
  fields[`${name}.warn.message`] = warning ? text(warning) : missing('no PodSecurity warning');
  return { fields, timeline, anchors: {} };
}

type AuditEventsEntry = Extract<TraceEntry, { kind: 'auditEvents' }>;

/** The audit fields when they cannot be read: both inconclusive for the same reason. */
function auditMissing(fields: Record<string, Observed>, name: string, reason: string): void {
  fields[`${name}.audit.violations`] = missing(reason);
  fields[`${name}.audit.message`] = missing(reason);
}

/**
 * observePodSecurity plus the audit fields, from the audit log's events the harness read after the
 * create (trace kind auditEvents): the checks named in the create event's
 * pod-security.kubernetes.io/audit-violations annotation (none without the annotation), and the
 * annotation's text. An unreadable log, or no event for the create, leaves them inconclusive.
 */
export function observePodSecurityAudit(trace: Trace, scenario: PodSecurityScenario): Observation {
  const observation = observePodSecurity(trace, scenario);
  const name = scenario.pod.name;
  const fields = { ...observation.fields };
  const record = trace.filter((e): e is AuditEventsEntry => e.kind === 'auditEvents').pop();
  if (!record) {
    auditMissing(fields, name, 'the audit log was not read');
  } else if (record.unavailable !== undefined) {
    auditMissing(fields, name, record.unavailable);
  } else {
    const event = podCreateEvent(record.events, name);
    if (!event) {
      auditMissing(fields, name, `no audit event for the create of pod ${name} appeared in the audit log`);
    } else {
      const annotation = event.annotations?.[PSA_AUDIT_VIOLATIONS];
      fields[`${name}.audit.violations`] = {
        kind: 'list',
        values: annotation ? (violationsInMessage(annotation) ?? []) : [],
      };
      fields[`${name}.audit.message`] = annotation
        ? text(annotation)
        : missing('no audit-violations annotation');
      observation.timeline.push({
        at: record.t,
        what: 'audit-event',
        pod: name,
        source: 'api',
        detail: annotation ?? 'no audit-violations annotation',
      });
    }
  }
  return { ...observation, fields };
}
