import { sentimentCommands } from '../nlu/sentiment/sentiment.commands';
import { churnCommands } from '../churn/churn.commands';
import { intentCommands } from '../training/intent.commands';
import { demoCommands } from '../commerce/demo/demo.commands';
import { authCommands } from '../auth/auth.commands';
import { retrievalCommands } from '../retrieval/retrieval.commands';
import { handoffCommands } from '../handoff/corrections.commands';
import { signalsCommands } from '../signals/signals.commands';
import { CliCommand } from './cli-command';

/**
 * Every CLI command of the platform. Each feature exports its commands from its own
 * `*.commands.ts`; they are listed here lazily so that `train intent` does not load the database.
 */
export function loadCommands(): CliCommand[] {
  return [
    ...authCommands,
    ...intentCommands,
    ...sentimentCommands,
    ...churnCommands,
    ...demoCommands,
    ...retrievalCommands,
    ...handoffCommands,
    ...signalsCommands,
  ];
}
