/** SECTIONS are the parts of the suite, in the order they run. */
export const SECTIONS = ['crypto', 'sweep', 'scaling', 'failover', 'cluster'] as const;
export type Section = (typeof SECTIONS)[number];

/** BenchArgs is the compiled command line. */
export interface BenchArgs {
  quick: boolean;
  only: ReadonlySet<Section>;
  /** Repetitions of each figure (median and min–max are taken over them). */
  runs: number;
  /** Where latest.md and the SVG plots go. */
  outDir: string;
  /** Profile name or JSON file for the scaling section. */
  scalingProfile: string | undefined;
  /** Write a CPU profile of the bench process and of each node to this directory. */
  cpuProfDir: string | undefined;
}

export const USAGE = `usage: node bench/dist/main.js [--quick] [--only crypto,sweep,scaling,failover,cluster]
                                [--runs N] [--out DIR] [--scaling-profile NAME|FILE]
                                [--cpu-prof DIR]`;

/** parseArgs reads the command line; a bad flag throws with the flag's name. */
export function parseArgs(argv: readonly string[], defaultOutDir: string): BenchArgs {
  let quick = false;
  let only: Set<Section> = new Set(SECTIONS);
  let runs: number | undefined;
  let outDir = defaultOutDir;
  let scalingProfile: string | undefined;
  let cpuProfDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--quick':
        quick = true;
        break;
      case '--only':
        only = new Set(
          value()
            .split(',')
            .map((name) => {
              if (!(SECTIONS as readonly string[]).includes(name)) {
                throw new Error(
                  `--only: unknown section "${name}" (known: ${SECTIONS.join(', ')})`,
                );
              }
              return name as Section;
            }),
        );
        break;
      case '--runs':
        runs = Number(value());
        if (!Number.isInteger(runs) || runs < 1 || runs > 20) {
          throw new Error('--runs must be an integer from 1 to 20');
        }
        break;
      case '--out':
        outDir = value();
        break;
      case '--scaling-profile':
        scalingProfile = value();
        break;
      case '--cpu-prof':
        cpuProfDir = value();
        break;
      case '--help':
      case '-h':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown flag ${flag}\n${USAGE}`);
    }
  }
  return { quick, only, runs: runs ?? (quick ? 2 : 3), outDir, scalingProfile, cpuProfDir };
}
