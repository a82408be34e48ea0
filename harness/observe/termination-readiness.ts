import type { Observed } from '../../model/observation';
import type { ContainerScenario } from '../../model/scenario';
import type { Trace } from '../../model/trace';
import { firstStart } from './container-start';
import { missing, secondsBetween } from './intervals';
import { condition, containerStatus, firstTransition, type PodView } from './pod-history';

type Fields = Record<string, Observed>;

/**
 * Readiness of one container while its pod terminates: when its ready turned false after the delete
 * (from the container's start; a flip before the delete is the probes family's, so missing here), and
 * whether a view after the delete shows it running, not ready, with the pod's Ready condition False.
 */
export function observeReadinessDuringTermination(
  trace: Trace,
  history: PodView[],
  podName: string,
  container: ContainerScenario,
  deleteAt: number,
): Fields {
  const c = container.name;
  const fields: Fields = {};
  const start = firstStart(trace, history, podName, container);
  const notReady = (pod: PodView['pod']) => containerStatus(pod, c)?.ready === false;
  const flip = firstTransition(history, notReady, 'ContainersReady', 'False', deleteAt);
  fields[`${c}.unreadyDuringTerminationAfterStartSeconds`] = !start
    ? missing('container start not seen')
    : !flip
      ? missing('no ready → not ready transition after the delete')
      : secondsBetween(start, flip);
  const afterDelete = history.filter((view) => view.t >= deleteAt && !view.deleted);
  if (afterDelete.length === 0) {
    fields[`${c}.notReadyWhileRunningAfterDelete`] = missing('no view of the pod after the delete');
  } else {
    const shown = afterDelete.some((view) => {
      const status = containerStatus(view.pod, c);
      return (
        Boolean(status?.state?.running) &&
        status?.ready === false &&
        condition(view.pod, 'Ready')?.status === 'False'
      );
    });
    fields[`${c}.notReadyWhileRunningAfterDelete`] = { kind: 'value', value: shown };
  }
  return fields;
}
