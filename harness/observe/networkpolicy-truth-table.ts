import { compareField } from '../../verdicts/compare-field';
import type { Expectation } from '../../model/expectation';
import { TOPOLOGY_PODS, cellName, servedPorts, type NetpolCell } from '../../model/networkpolicy/topology';
import type { Observation } from '../../model/observation';

/** A cell's mark: `.` / `X` / `?`, or `-` for loopback (not asserted). */
export type TruthMark = '.' | 'X' | '?' | '-';

/**
 * One grid per port/protocol (the SCTP one when `sctp`): rows are sources, columns destinations (as
 * Cyclonus prints).
 */
function renderGrids(markOf: (cell: NetpolCell) => TruthMark, sctp = false): string {
  const ids = TOPOLOGY_PODS.map((p) => p.id);
  return servedPorts(sctp)
    .map(({ port, protocol }) => {
      const header = [`${port}/${protocol}`.padEnd(7), ...ids].join(' ');
      const rows = ids.map((from) =>
        [
          from.padEnd(7),
          ...ids.map((to) => (from === to ? '-' : markOf({ from, to, port, protocol })).padEnd(3)),
        ]
          .join(' ')
          .trimEnd(),
      );
      return [header, ...rows].join('\n');
    })
    .join('\n\n');
}

/** Reachability as a table: `.` connects, `X` blocked, `?` unknown, `-` loopback. */
export function formatReachability(valueOf: (field: string) => boolean | undefined): string {
  return renderGrids((cell) => {
    const value = valueOf(cellName(cell));
    return value === undefined ? '?' : value ? '.' : 'X';
  });
}

/**
 * Expected vs observed: `.` agrees, `X` differs, `?` inconclusive (missing observation); with an SCTP
 * grid when the expectation has SCTP cells.
 */
export function formatComparison(expectation: Expectation, observation: Observation): string {
  return renderGrids(
    (cell) => {
      const field = expectation.fields[cellName(cell)];
      if (field === undefined) return '?';
      const outcome = compareField(field.expected, observation.fields[cellName(cell)]).outcome;
      return outcome === 'pass' ? '.' : outcome === 'fail' ? 'X' : '?';
    },
    Object.keys(expectation.fields).some((name) => name.endsWith('/SCTP')),
  );
}

/** The value of an `equals` boolean expectation field, for formatReachability. */
export function expectedValue(expectation: Expectation): (field: string) => boolean | undefined {
  return (field) => {
    const expected = expectation.fields[field]?.expected;
    return expected?.kind === 'equals' && typeof expected.value === 'boolean' ? expected.value : undefined;
  };
}

/** The value of an observed boolean field, for formatReachability. */
export function observedValue(observation: Observation): (field: string) => boolean | undefined {
  return (field) => {
    const observed = observation.fields[field];
    return observed?.kind === 'value' && typeof observed.value === 'boolean' ? observed.value : undefined;
  };
}
