import type { CleanupRegistry, CleanupReport } from './cleanup';

export interface InterruptHandlerOptions {
  /** Aborted on the first signal: every case stops at its next step. */
  controller: AbortController;
  cleanup: CleanupRegistry;
  /** Where progress and leftovers are reported (stderr by default). */
  log?: (line: string) => void;
  /** Ends the process; injected so tests can observe it. */
  exit?: (code: number) => void;
  /** The process to listen on (injected in tests). */
  target?: Pick<NodeJS.Process, 'on' | 'off'>;
}

/** Conventional exit status for death by signal: 128 + its number (SIGINT 2, SIGTERM 15). */
const EXIT_CODES: Record<'SIGINT' | 'SIGTERM', number> = { SIGINT: 130, SIGTERM: 143 };

function formatReport(report: CleanupReport): string[] {
  if (report.leftovers.length === 0) return [`kubeprop: cleanup done (${report.done.length} removed)`];
  return [
    `kubeprop: cleanup could not remove ${report.leftovers.length} item(s); run \`kubeprop clean\` to sweep:`,
    ...report.leftovers.map((l) => `  ${l.what}: ${l.reason}`),
  ];
}

/**
 * On SIGINT/SIGTERM: abort the run, run every registered cleanup, report what could not be
 * removed, then exit with 128+signal. A second signal while cleaning up exits at once (the user
 * insists), saying that cleanup was cut short. Returns a function that removes the handlers.
 */
export function installInterruptHandlers(options: InterruptHandlerOptions): () => void {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const target = options.target ?? process;
  let cleaning = false;

  const handle = (signal: 'SIGINT' | 'SIGTERM'): void => {
    if (cleaning) {
      log(`kubeprop: ${signal} again: exiting without finishing cleanup; run \`kubeprop clean\` to sweep`);
      exit(EXIT_CODES[signal]);
      return;
    }
    cleaning = true;
    log(`kubeprop: ${signal} received: stopping and cleaning up (press Ctrl-C again to exit at once)`);
    options.controller.abort(new Error(`${signal} received`));
    options.cleanup
      .runAll()
      .then((report) => formatReport(report).forEach(log))
      .catch((error: unknown) =>
        log(`kubeprop: cleanup failed: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => exit(EXIT_CODES[signal]));
  };
  const onInt = (): void => handle('SIGINT');
  const onTerm = (): void => handle('SIGTERM');
  target.on('SIGINT', onInt);
  target.on('SIGTERM', onTerm);
  return () => {
    target.off('SIGINT', onInt);
    target.off('SIGTERM', onTerm);
  };
}
