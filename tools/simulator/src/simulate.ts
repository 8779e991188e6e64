import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from './day-plan.js';
import type { Scenario } from './scenario.js';
import { ScenarioError, loadScenario, parseScenario, soakScenario } from './scenario.js';
import { runSimulation } from './simulation.js';
import {
  CENTRAL_ENV_NEEDED,
  centralScenarioEnv,
  formatCentralReport,
  runCentralScenario,
} from './central-scenario.js';

const USAGE = `npm run simulate -- [options]

  --scenario <file>  scenario JSON (default tools/simulator/scenarios/demo-hall-day.json)
  --faults           kill the hub, cut a kiosk, counters and displays, and fuzz the contract during the day
  --soak             the scenario's soak: a long day at high speed, the hub's RSS sampled
  --central          three halls at once, each shipping its log to a central node (PostgreSQL and Redis
                     from ANTRE_CENTRAL_TEST_DATABASE_URL and ANTRE_CENTRAL_TEST_REDIS_URL), one hall's
                     WAN cut for 2 hall-hours an hour into the day; checks every hall's central log
                     equals its local log, reports the shipping lag and the catch-up time
  --speed <n>        hall seconds per real second (overrides the scenario)
  --scale <x>        multiply every arrival rate
  --visits <share>   this share of visitors takes a visit of 2-3 agencies' services on one ticket
  --seed <n>         another draw of visitors
  --end <HH:MM>      close the day earlier
  --out <dir>        output folder (default artifacts/simulation/<name>)
  --keep-data        keep the hub's and kiosks' SQLite files (their folder is printed)
  --quiet            no progress lines

Exit code 0 when every invariant holds, 1 when one fails, 2 on bad input.`;

/** `npm run simulate`: a hall day against the real hub, the report on stdout and in artifacts/simulation. */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string' },
      faults: { type: 'boolean', default: false },
      soak: { type: 'boolean', default: false },
      central: { type: 'boolean', default: false },
      speed: { type: 'string' },
      scale: { type: 'string' },
      visits: { type: 'string' },
      seed: { type: 'string' },
      end: { type: 'string' },
      out: { type: 'string' },
      'keep-data': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const file = resolve(values.scenario ?? resolve(REPO_ROOT, 'tools/simulator/scenarios/demo-hall-day.json'));
  let scenario: Scenario = loadScenario(file);
  if (values.soak) scenario = soakScenario(scenario);
  // Command-line overrides go through the same validation as the file.
  scenario = parseScenario(
    {
      ...scenario,
      ...(values.speed === undefined ? {} : { speed: Number(values.speed) }),
      ...(values.scale === undefined ? {} : { scale: Number(values.scale) }),
      ...(values.visits === undefined
        ? {}
        : { visits: { ...scenario.visits, share: Number(values.visits) } }),
      ...(values.seed === undefined ? {} : { seed: Number(values.seed) }),
      ...(values.end === undefined ? {} : { end: values.end }),
    },
    `${file} with command-line options`,
  );
  const name = `${scenario.name}${values.faults ? '-faults' : ''}${values.central ? '-central' : ''}`;
  const outDir = resolve(values.out ?? resolve(REPO_ROOT, 'artifacts/simulation', name));
  const log = (line: string) => console.log(line);
  if (values.central) {
    if (values.faults || values.soak)
      throw new ScenarioError(name, ['--central runs without --faults or --soak']);
    const env = centralScenarioEnv();
    if (!env) {
      console.error(CENTRAL_ENV_NEEDED);
      return 2;
    }
    if (!values.quiet) log(`Simulating ${name}: three halls shipping to a central node, output in ${outDir}`);
    const report = await runCentralScenario({
      scenario,
      env,
      outDir,
      ...(values.quiet ? {} : { progress: log }),
    });
    console.log(
      `\n${formatCentralReport(report)}\n\nWritten: ${outDir}/{central-report.json,central-report.txt,<hall>/…}`,
    );
    return report.ok ? 0 : 1;
  }
  if (!values.quiet) {
    log(
      `Simulating ${name}: ${scenario.date} ${scenario.start}–${scenario.end} at ${scenario.speed}×, output in ${outDir}`,
    );
  }
  const { report, text } = await runSimulation({
    scenario,
    faults: values.faults,
    soak: values.soak,
    outDir,
    keepData: values['keep-data'],
    ...(values.quiet ? {} : { progress: log }),
  });
  console.log(
    `\n${text}\n\nWritten: ${outDir}/{report.json,report.txt,wait-distribution.svg,queue-length.svg${report.soak ? ',rss.svg' : ''},events.jsonl,hub-state.json,hub.log}`,
  );
  return report.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (
      err instanceof ScenarioError ||
      (err instanceof Error && err.name === 'TypeError' && err.message.includes('parseArgs'))
    ) {
      console.error(err.message);
      process.exit(2);
    }
    console.error(err);
    process.exit(1);
  },
);
