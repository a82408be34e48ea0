// @ts-nocheck
import {
  CommandNotFound,
  type CommandResult,
  type CommandRunner,
} from '../../../harness/targets/command-runner';

type Answer = Partial<CommandResult> | 'missing';

/** A CommandRunner that answers scripted results by command line prefix and records every call. */
export class FakeRunner implements CommandRunner {
  readonly calls: string[] = [];
  private readonly answers: Array<[string, Answer]> = [];

  answer(prefix: string, result: Answer): this {
    this.answers.unshift([prefix, result]);
    return this;
  }

  async run(command: string, args: string[]): Promise<CommandResult> {
    const line = [command, ...args].join(' ');
    this.calls.push(line);
    const match = this.answers.find(([prefix]) => line.startsWith(prefix));
    if (!match || match[1] === 'missing') {
      if (!match && command !== 'kind' && command !== 'docker') throw new Error(`unexpected ${line}`);
      throw new CommandNotFound(command);
    }
    return { exitCode: 0, stdout: '', stderr: '', ...match[1] };
  }
}
