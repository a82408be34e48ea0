// Stryker ignorer: mutants inside a `because:` property of the model are not run. `because` is the
// human explanation printed next to a failed field; the verdict never reads it, so a mutant there can
// only be killed by a test pinning prose, which would test wording, not Kubernetes behaviour.
import { declareValuePlugin, PluginKind } from '@stryker-mutator/api/plugin';

const becauseIgnorer = {
  shouldIgnore(path) {
    if (path.isObjectProperty() && !path.node.computed && path.node.key.name === 'because') {
      return 'explanation text only (not compared by the verdict)';
    }
    return undefined;
  },
};

export const strykerPlugins = [declareValuePlugin(PluginKind.Ignore, 'because-text', becauseIgnorer)];
