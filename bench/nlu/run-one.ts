import { join, resolve } from 'node:path';
import { SYSTEM_NAMES, SystemName, runSystem } from './systems';
import { TASK_NAMES, TaskName, loadTask } from './tasks';

/**
 * Runs one system on one task in its own process, so that peak RSS is that run's alone.
 * Usage: run-one.ts <system> <task> <datasetsDir> <seed>; prints one JSON line on stdout.
 */
async function main(): Promise<void> {
  const [system, taskName, datasets, seed] = process.argv.slice(2);
  if (!SYSTEM_NAMES.includes(system as SystemName) || !TASK_NAMES.includes(taskName as TaskName)) {
    throw new Error(
      `usage: run-one.ts <${SYSTEM_NAMES.join('|')}> <${TASK_NAMES.join('|')}> <datasets> <seed>`,
    );
  }
  const task = loadTask(taskName as TaskName, resolve(datasets));
  const workDir = join(__dirname, '..', '.tmp', 'nlu', `${system}-${taskName}`);
  const result = await runSystem(system as SystemName, task, workDir, Number(seed));
  const peakRssMb = Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
  process.stdout.write(JSON.stringify({ ...result, peakRssMb }) + '\n');
}

main().catch((error: Error) => {
  process.stderr.write(`run-one failed: ${error.message}\n`);
  process.exit(1);
});
