import { ClusterError } from '../../harness/cluster-error';
import {
  EXIT_BAD_INPUT,
  EXIT_ENVIRONMENT,
  badInput,
  environmentProblem,
  reportUserFacingErrors,
} from '../../harness/errors';

afterEach(() => {
  process.exitCode = undefined;
});

describe('user-facing errors', () => {
  test('bad input exits 2, environment problems exit 3', () => {
    expect(badInput('x').exitCode).toBe(EXIT_BAD_INPUT);
    expect(environmentProblem('y').exitCode).toBe(EXIT_ENVIRONMENT);
    expect([EXIT_BAD_INPUT, EXIT_ENVIRONMENT]).toEqual([2, 3]);
  });

  test('the CLI line is one line prefixed with the program name', () => {
    expect(badInput('first\n  second').toLine()).toBe('kubeprop: first second');
  });

  test('reportUserFacingErrors prints the line and sets the exit code', async () => {
    const lines: string[] = [];
    await reportUserFacingErrors(
      async () => {
        throw environmentProblem('docker is not running');
      },
      (line) => lines.push(line),
    );
    expect(lines).toEqual(['kubeprop: docker is not running']);
    expect(process.exitCode).toBe(3);
  });

  test('reportUserFacingErrors rethrows anything else', async () => {
    await expect(
      reportUserFacingErrors(
        async () => {
          throw new TypeError('bug');
        },
        () => undefined,
      ),
    ).rejects.toThrow(TypeError);
  });

  test('an API server lost mid-run is an environment problem, not an internal error; other cluster errors stay bugs', async () => {
    const lines: string[] = [];
    await reportUserFacingErrors(
      async () => {
        throw new ClusterError(
          'unreachable',
          'check permission list persistentvolumeclaims: UND_ERR_CONNECT_TIMEOUT fetch failed',
        );
      },
      (line) => lines.push(line),
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^kubeprop: lost the API server: check permission list .*UND_ERR_CONNECT_TIMEOUT/,
    );
    expect(lines[0]).toContain('Check that the cluster is up');
    expect(process.exitCode).toBe(3);
    await expect(
      reportUserFacingErrors(
        async () => {
          throw new ClusterError('conflict', 'update pod x: 409');
        },
        () => undefined,
      ),
    ).rejects.toThrow(ClusterError);
  });
});
