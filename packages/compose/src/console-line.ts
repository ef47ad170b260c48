/**
 * ConsoleLine prints the human-readable lines the compose programs write to
 * `docker compose logs`: a UTC time, the program's name, then the message.
 */
export class ConsoleLine {
  constructor(
    private readonly program: string,
    private readonly out: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  ) {}

  /** info prints one line. */
  info(message: string): void {
    this.out(`${new Date().toISOString()} ${this.program}: ${message}`);
  }

  /** warn prints one line marked WARNING. */
  warn(message: string): void {
    this.out(`${new Date().toISOString()} ${this.program}: WARNING: ${message}`);
  }
}
