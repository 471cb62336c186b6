import { configureLogger, PinoNestLogger, resolveLogFormat } from './logger.js';

describe('resolveLogFormat', () => {
  it('reads a terminal as a person (pretty) and anything else as a collector (JSON)', () => {
    expect(resolveLogFormat('auto', true)).toBe('pretty');
    expect(resolveLogFormat('auto', false)).toBe('json');
  });

  it('lets LOG_FORMAT override the terminal check either way', () => {
    expect(resolveLogFormat('json', true)).toBe('json');
    expect(resolveLogFormat('pretty', false)).toBe('pretty');
  });
});

describe('PinoNestLogger', () => {
  function capture(fn: () => void): { level: number; msg: string }[] {
    const lines: string[] = [];
    configureLogger('info', 'json', { write: (line: string) => void lines.push(line) });
    fn();
    return lines.map((l) => JSON.parse(l));
  }

  it("keeps Nest's module-by-module start-up narration out of the info log, and its other messages in", () => {
    const records = capture(() => {
      const nest = new PinoNestLogger();
      nest.log('AppModule dependencies initialized', 'InstanceLoader');
      nest.log('Mapped {/graphql, POST} route', 'GraphQLModule');
    });
    expect(records.map((r) => r.msg)).toEqual(['Mapped {/graphql, POST} route']);
  });
});
