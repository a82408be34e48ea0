// Stryker ignorer: mutants inside a field's `because` text are not run. `because` is the human
// explanation printed next to a failed field; the verdict never reads it, so a mutant there can only be
// killed by a test pinning prose, which would test wording, not Kubernetes behaviour. It is written as a
// `because:` property, or as the last argument of the helpers in model/resources-field.ts.
import { declareValuePlugin, PluginKind } from '@stryker-mutator/api/plugin';

const FIELD_HELPERS = new Set(['field', 'equals', 'contains']);
const REASON = 'explanation text only (not compared by the verdict)';

function isBecauseProperty(path) {
  return path.isObjectProperty() && !path.node.computed && path.node.key.name === 'because';
}

function isBecauseArgument(path) {
  const call = path.parentPath;
  return (
    path.listKey === 'arguments' &&
    call !== null &&
    call.isCallExpression() &&
    FIELD_HELPERS.has(call.node.callee.name) &&
    call.node.arguments.length === 3 &&
    path.key === 2
  );
}

const becauseIgnorer = {
  shouldIgnore(path) {
    return isBecauseProperty(path) || isBecauseArgument(path) ? REASON : undefined;
  },
};

export const strykerPlugins = [declareValuePlugin(PluginKind.Ignore, 'because-text', becauseIgnorer)];
