import type { V1Container } from '@kubernetes/client-node';

/**
 * The kubelet's `$(VAR)` expansion of a container's command and args, ported from upstream
 * third_party/forked/golang/expansion/expand.go (Expand, MappingFuncFor, tryReadVariableName) and
 * pkg/kubelet/container/helpers.go ExpandContainerCommandAndArgs, called by kuberuntime_container.go
 * generateContainerConfig. Exec hooks and exec probes are run as written, never expanded.
 *
 * Go indexes a string by byte, so the port works on UTF-8 bytes: a `$` before a non-ASCII byte yields
 * `$` and that byte read as a Latin-1 rune (Go's string(byte)), as upstream does.
 */

const OPERATOR = 0x24; // $
const REFERENCE_OPENER = 0x28; // (
const REFERENCE_CLOSER = 0x29; // )

export type Mapping = (name: string) => string;

/** MappingFuncFor: the first context that defines the name wins; an undefined name stays `$(name)`. */
export function mappingFuncFor(...contexts: ReadonlyMap<string, string>[]): Mapping {
  return (input) => {
    for (const vars of contexts) {
      const value = vars.get(input);
      if (value !== undefined) return value;
    }
    return `$(${input})`;
  };
}

interface Read {
  read: Buffer;
  isVar: boolean;
  advance: number;
}

/** tryReadVariableName: `input` starts right after a `$`. */
function tryReadVariableName(input: Buffer): Read {
  switch (input[0]) {
    case OPERATOR:
      // Escaped operator.
      return { read: input.subarray(0, 1), isVar: false, advance: 1 };
    case REFERENCE_OPENER:
      for (let i = 1; i < input.length; i++) {
        if (input[i] === REFERENCE_CLOSER) return { read: input.subarray(1, i), isVar: true, advance: i + 1 };
      }
      // Incomplete reference: kept, and scanning goes on after the `(`.
      return { read: Buffer.from('$('), isVar: false, advance: 1 };
    default:
      return { read: Buffer.from(`$${String.fromCharCode(input[0])}`, 'utf8'), isVar: false, advance: 1 };
  }
}

/** Expand: `$$` becomes `$`, `$(NAME)` becomes mapping(NAME), everything else is copied. */
export function expand(input: string, mapping: Mapping): string {
  const bytes = Buffer.from(input, 'utf8');
  const out: Buffer[] = [];
  let checkpoint = 0;
  for (let cursor = 0; cursor < bytes.length; cursor++) {
    if (bytes[cursor] === OPERATOR && cursor + 1 < bytes.length) {
      out.push(bytes.subarray(checkpoint, cursor));
      const { read, isVar, advance } = tryReadVariableName(bytes.subarray(cursor + 1));
      out.push(isVar ? Buffer.from(mapping(read.toString('utf8')), 'utf8') : read);
      cursor += advance;
      checkpoint = cursor + 1;
    }
  }
  out.push(bytes.subarray(checkpoint));
  return Buffer.concat(out).toString('utf8');
}

/**
 * The container's declared variables as pkg/kubelet/kubelet_pods.go makeEnvironmentVariables resolves
 * them: in order, each `value` expanded against those declared before it. The fake resolves no
 * valueFrom/envFrom sources and adds no service links (kubeprop's manifests use neither); a variable
 * without a value is defined as empty, as upstream's is before its source is read.
 */
export function containerEnvironment(container: V1Container): Map<string, string> {
  const env = new Map<string, string>();
  const mapping = mappingFuncFor(env);
  for (const variable of container.env ?? []) {
    env.set(variable.name, variable.value ? expand(variable.value, mapping) : '');
  }
  return env;
}

/** ExpandContainerCommandAndArgs: what the runtime is asked to execute. */
export function expandContainerCommandAndArgs(
  container: V1Container,
  env: ReadonlyMap<string, string> = containerEnvironment(container),
): { command: string[]; args: string[] } {
  const mapping = mappingFuncFor(env);
  return {
    command: (container.command ?? []).map((text) => expand(text, mapping)),
    args: (container.args ?? []).map((text) => expand(text, mapping)),
  };
}
