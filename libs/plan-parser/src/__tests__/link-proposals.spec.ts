import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parsePlan } from '../parse-plan.js';
import { linkText, proposeUpperLinks, type LinkCandidate } from '../link-proposals.js';
import type { ParsedPlan } from '../types.js';
import { fixtureText } from './fixtures.js';

interface Truth {
  upper: string;
  lower: string;
  pairs: { lower: string; upper: string[] }[];
  gaps: string[];
}

const truth: Truth = JSON.parse(
  readFileSync(
    path.join(import.meta.dirname, 'files', 'upper-links-state-council-2018-dalian-changxingdao-2018.json'),
    'utf8',
  ),
);
const candidates = (plan: ParsedPlan): LinkCandidate[] =>
  plan.items.map((i) => ({
    id: i.label,
    title: i.title,
    text: i.text,
    sectionTitle: plan.sections.find((s) => s.label === i.section)?.title ?? null,
  }));

describe('proposing the upper key points a lower key point implements', () => {
  const upper = candidates(parsePlan(fixtureText(truth.upper)));
  const lower = candidates(parsePlan(fixtureText(truth.lower)));
  const proposals = proposeUpperLinks(lower, upper);
  const right = new Set(truth.pairs.flatMap((p) => p.upper.map((u) => `${p.lower}→${u}`)));
  const made = new Set(proposals.map((p) => `${p.lowerId}→${p.upperId}`));

  it('proposes only hand-checked pairs on the seed chain (State Council 2018 → Changxing Island 2018), in traditional and simplified characters', () => {
    expect(upper).toHaveLength(16);
    expect(lower).toHaveLength(16);
    expect([...made].filter((pair) => !right.has(pair))).toEqual([]);
  });

  it('finds nearly every hand-checked pair, and never proposes an upper key point nobody below took up', () => {
    const found = [...right].filter((pair) => made.has(pair));
    // (四) 社会公益事业建设领域 names its domain only; the State Council's (二) lists it among others. The office links it by hand.
    expect(found.length / right.size).toBeGreaterThanOrEqual(15 / 16);
    const proposedUppers = new Set(proposals.map((p) => p.upperId));
    for (const gap of truth.gaps) expect(proposedUppers.has(gap)).toBe(false);
  });

  it('scores the closest pairs highest, between 0 and 1', () => {
    for (const p of proposals) expect(p.score).toBeGreaterThan(0);
    for (const p of proposals) expect(p.score).toBeLessThanOrEqual(1.0001);
    const scoreOf = (pair: string) => proposals.find((p) => `${p.lowerId}→${p.upperId}` === pair)!.score;
    // Same wording (审查) reads closer than a domain named in passing.
    expect(scoreOf('(十五)→(十四)')).toBeGreaterThan(scoreOf('(三)→(二)'));
  });

  it('reads past numbering, unit annotations, punctuation and traditional characters', () => {
    expect(linkText('(三)優化審批辦事服務。(牵头单位:市政府办公厅;责任单位:各部门)')).toBe('优化审批办事服务');
    expect(linkText('最佳化審批辦事服務')).toBe('优化审批办事服务');
    const [p] = proposeUpperLinks(
      [{ id: 'a', title: '（一）强化政府网站建设管理（各部门落实）' }],
      [
        { id: 'x', title: '強化政府網站建設管理' },
        { id: 'y', title: '整合各類政務熱線電話' },
      ],
    );
    expect(p).toMatchObject({ lowerId: 'a', upperId: 'x' });
  });

  it('proposes several upper key points when they read alike, at most maxPerLower, and nothing below minScore', () => {
    const uppers = [
      { id: 'u1', title: '加强政策解读工作' },
      { id: 'u2', title: '加强政策解读和回应工作' },
      { id: 'u3', title: '整合政务热线电话' },
    ];
    const both = proposeUpperLinks([{ id: 'l', title: '加强政策解读回应' }], uppers, { alsoWithin: 0.5 });
    expect(both.map((p) => p.upperId).sort()).toEqual(['u1', 'u2']);
    expect(
      proposeUpperLinks([{ id: 'l', title: '加强政策解读回应' }], uppers, { alsoWithin: 0.5, maxPerLower: 1 }),
    ).toHaveLength(1);
    expect(proposeUpperLinks([{ id: 'l', title: '做好防汛抗旱' }], uppers)).toEqual([]);
    expect(proposeUpperLinks([{ id: 'l', title: '加强政策解读' }], [])).toEqual([]);
  });

  it('gives the same answer whatever the order of the upper key points', () => {
    const reversed = proposeUpperLinks(lower, [...upper].reverse());
    expect(new Set(reversed.map((p) => `${p.lowerId}→${p.upperId}`))).toEqual(made);
  });
});
