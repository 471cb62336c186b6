import { insertionIndex, readMarkedKeyPoint, readMarkedSection } from '../source-marking.js';
import { SourcePositions } from '../source-position.js';

describe('readMarkedKeyPoint', () => {
  it('reads an unnumbered sentence like an item: units, time limits with dates, no number', () => {
    const kp = readMarkedKeyPoint(
      '做好政务公开培训工作，\n  6月底前完成。（牵头单位：省政府办公厅；责任单位：省直有关部门、各州市人民政府）',
      2026,
    );
    expect(kp.label).toBe('');
    expect(kp.title).toBe('做好政务公开培训工作，6月底前完成');
    expect(kp.text).toBe(
      '做好政务公开培训工作，6月底前完成。（牵头单位：省政府办公厅；责任单位：省直有关部门、各州市人民政府）',
    );
    expect(kp.leadUnits).toEqual(['省政府办公厅']);
    expect(kp.responsibleUnits).toEqual(['省直有关部门', '各州市人民政府']);
    expect(kp.deadlines).toEqual([{ text: '6月底前', date: '2026-06-30' }]);
  });

  it('keeps the number a line starts with', () => {
    expect(readMarkedKeyPoint('（三）加强政策解读。年底前完成。', 2026)).toMatchObject({
      label: '(三)',
      title: '加强政策解读',
      deadlines: [{ text: '年底前', date: '2026-12-31' }],
    });
    expect(readMarkedKeyPoint('12．推进基层政务公开标准化', 2026)).toMatchObject({
      label: '12.',
      title: '推进基层政务公开标准化',
    });
  });

  it('a passage without an annotation names no unit', () => {
    expect(readMarkedKeyPoint('以“十四五”规划实施为重点抓好主动公开', 2026)).toMatchObject({
      leadUnits: [],
      responsibleUnits: [],
      deadlines: [],
    });
  });
});

describe('readMarkedSection', () => {
  it('splits the label from the heading', () => {
    expect(readMarkedSection('三、围绕优化营商环境加强信息公开。')).toEqual({
      label: '三',
      title: '围绕优化营商环境加强信息公开',
    });
    expect(readMarkedSection('保障措施')).toEqual({ label: null, title: '保障措施' });
  });
});

describe('SourcePositions', () => {
  const source = '一、加强解读\n1.做好政策解读工作，及时回应\n社会关切。\n2.推进决策公开。\n做好政策解读工作';
  const positions = new SourcePositions(source);

  it('finds a text across hard line breaks', () => {
    expect(positions.find(['做好政策解读工作，及时回应社会关切。'])).toBe(source.indexOf('做好'));
    expect(positions.find(['没有这段话的文字', '推进决策公开'])).toBe(source.indexOf('推进'));
    expect(positions.find(['短'])).toBeNull();
  });

  it('locates a selection at its offset, else the nearest occurrence, whatever the whitespace', () => {
    const last = source.lastIndexOf('做好政策解读工作');
    const at = (start: number, text: string) => positions.locateSelection(start, text);
    expect(at(last, '做好政策解读工作')).toEqual({ start: last, end: last + 8 });
    expect(at(last + 2, '做好政策解读工作')).toEqual({ start: last, end: last + 8 });
    const first = source.indexOf('做好');
    expect(at(3, '做好政策解读工作')).toEqual({ start: first, end: first + 8 });
    // A browser's copy of two lines, with a no-break space for the line break.
    const wrapped = source.indexOf('及时回应');
    expect(at(0, '及时回应\u00a0社会关切。')).toEqual({ start: wrapped, end: source.indexOf('。', wrapped) + 1 });
    expect(at(0, '不在原文中')).toBeNull();
    expect(at(0, '  ')).toBeNull();
  });
});

describe('insertionIndex', () => {
  const placed = [
    { id: 'a', at: 10 },
    { id: 'hand', at: null },
    { id: 'b', at: 50 },
  ];
  it('goes after the last one found before it', () => {
    expect(insertionIndex(placed, 60)).toBe(3);
    expect(insertionIndex(placed, 20)).toBe(1);
  });
  it('before the first one found after it, or at the end when nothing is found', () => {
    expect(insertionIndex(placed, 5)).toBe(0);
    expect(insertionIndex([{ id: 'x', at: null }], 5)).toBe(1);
  });
});
