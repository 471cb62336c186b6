import { processIo, type CliCommand, type CliIo } from './command.js';
import { auditCommand } from './commands/audit.command.js';
import { secretsCommand } from './commands/secrets.command.js';
import { parseCommand } from './commands/parse.command.js';
import { tenantCommand } from './commands/tenant.command.js';
import { userCommand } from './commands/user.command.js';

// Add a command by adding one entry; `main` does the dispatching and the usage text.
export const commands: Record<string, CliCommand> = {
  audit: auditCommand,
  parse: parseCommand,
  secrets: secretsCommand,
  tenant: tenantCommand,
  user: userCommand,
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}\n      ${c.usage}`);
  return `usage: npm run cli -- <command> [options]\n\ncommands:\n${lines.join('\n')}\n`;
}

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return 0;
  }
  const command = name ? commands[name] : undefined;
  if (!command) {
    io.stderr(name ? `unknown command: ${name}\n${usage()}` : usage());
    return 2;
  }
  return command.run(args, io);
}
