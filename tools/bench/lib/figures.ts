// A bench's figures, printed as one table at the end.

export interface Figure {
  name: string;
  value: string;
  target: string;
  met: boolean | null;
}

export function printFigures(figures: Figure[]): void {
  const width = Math.max(...figures.map((f) => f.name.length));
  console.log('\nfigure'.padEnd(width + 2) + ' | value | target | result');
  for (const f of figures) {
    console.log(
      `${f.name.padEnd(width)} | ${f.value} | ${f.target} | ${f.met === null ? '' : f.met ? 'MET' : 'MISSED'}`,
    );
  }
}
