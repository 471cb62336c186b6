import { createHash } from 'node:crypto';
import { PUBLIC_STATE_LABELS, type PublicState } from '@duban/domain';
import type { PublicKeyPoint, PublicProgress } from './public-progress.js';
import { compactUnitList, GROUPED_SUFFIX } from './unit-list.js';

/** Filters a citizen set in the page's form; each one bounded and checked before it gets here. */
export interface PublicFilters {
  q: string;
  section: string;
  unit: string;
  state: PublicState | '';
}

export const NO_FILTERS: PublicFilters = { q: '', section: '', unit: '', state: '' };

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const STATES = Object.keys(PUBLIC_STATE_LABELS) as PublicState[];
const date = (d: string | null) =>
  d ? `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日` : '—';

/** The plan table's columns; below 640 px each cell is labelled with its column's name (see CSS). */
const PLAN_COLUMNS = ['序号', '工作要点', '牵头单位', '责任单位', '完成时限', '状态', '完成时间', '公开链接'];
const UNIT_COLUMNS = ['单位', '职责', '完成时限', '状态', '完成时间', '公开链接'];

const cardLabels = (table: string, columns: string[]) =>
  columns.map((c, i) => `.${table} tbody>tr>:nth-child(${i + 1})::before{content:"${c}："}`).join('');

/*
 * One stylesheet inline (no second request for a phone on a slow line). Colours are 4.5:1 or better on
 * white (WCAG 2.1 AA); below 640 px each table row becomes a card labelled by its column names.
 */
const CSS = `*{box-sizing:border-box}body{margin:0;font:16px/1.6 system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1f1f1f;background:#fff}
a{color:#0b57d0}a:focus,button:focus,input:focus,select:focus{outline:3px solid #b45309;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px 8px;z-index:1}
header{background:#9f1d20;color:#fff;padding:16px}header p{margin:0}header h1{margin:4px 0 0;font-size:1.5rem;line-height:1.3}
main,footer{max-width:1200px;margin:0 auto;padding:16px}.meta{color:#4a4a4a}
form{display:flex;flex-wrap:wrap;gap:12px;align-items:flex-end;margin:16px 0;padding:12px;background:#f5f5f5;border-radius:6px}
label{display:flex;flex-direction:column;font-size:.875rem;gap:4px}input,select,button{font:inherit;padding:6px 8px;border:1px solid #767676;border-radius:4px;background:#fff;color:#1f1f1f}
button{background:#9f1d20;color:#fff;border-color:#9f1d20;cursor:pointer}
table{width:100%;border-collapse:collapse;margin:8px 0 24px}caption{text-align:left;font-weight:600;padding:4px 0}
th,td{border:1px solid #d0d0d0;padding:8px;text-align:left;vertical-align:top}thead th{background:#f0f0f0}
.DONE,.IN_PROGRESS,.OVERDUE,.DELAYED{display:inline-block;padding:0 6px;border-radius:4px;font-size:.875rem;white-space:nowrap}
.DONE{background:#e6f4ea;color:#0f5c2e}.IN_PROGRESS{background:#e8f0fe;color:#174ea6}.OVERDUE{background:#fce8e6;color:#a50e0e}.DELAYED{background:#fef7e0;color:#7a4a00}
@media (max-width:640px){table,tbody,tr,td,th{display:block}thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
tr{border:1px solid #d0d0d0;margin-bottom:12px;border-radius:6px}td,tbody th{border:0;border-bottom:1px solid #eee}tbody>tr>*::before{font-weight:600}
${cardLabels('p', PLAN_COLUMNS)}${cardLabels('u', UNIT_COLUMNS)}}
@media print{form,.skip,.nav{display:none}header{background:none;color:#000;border-bottom:2px solid #000}a{color:#000;text-decoration:none}.DONE,.IN_PROGRESS,.OVERDUE,.DELAYED{border:1px solid #000;background:none;color:#000}tr{break-inside:avoid}}`;

/*
 * Progressive enhancement: the form works by reloading with the filters in the query; with JavaScript
 * the rows are filtered as one types, matching what the server's filter matches: a unit folded into a
 * run of governments (unit-list.ts) is found under its full name, which the unit menu lists.
 * Served inline under a CSP hash, so no other script can run.
 */
const SCRIPT = `(function(){var f=document.getElementById('filters');if(!f)return;var rows=[].slice.call(document.querySelectorAll('tr[data-state]'));var out=document.getElementById('shown');
var known={};[].forEach.call(f.unit.options,function(o){if(o.value)known[o.value]=1;});var G=${JSON.stringify(GROUPED_SUFFIX)};
function names(c){return c.textContent.split('、').map(function(p){return known[p]||!known[p+G]?p:p+G;});}
function run(){var q=f.q.value.trim(),s=f.section.value,u=f.unit.value,st=f.state.value,n=0;rows.forEach(function(r){var c=r.cells,lead=names(c[2]),resp=names(c[3]);var ok=(!q||(c[1].textContent+lead.join('、')+resp.join('、')).indexOf(q)>=0)&&(!s||r.closest('section').getAttribute('data-section')===s)&&(!u||lead.indexOf(u)>=0||resp.indexOf(u)>=0)&&(!st||r.getAttribute('data-state')===st);r.hidden=!ok;if(ok)n++;});
[].slice.call(document.querySelectorAll('section[data-section]')).forEach(function(sec){sec.hidden=!sec.querySelector('tr[data-state]:not([hidden])');});out.textContent=String(n);}
f.addEventListener('input',run);f.addEventListener('change',run);})();`;
export const SCRIPT_HASH = `'sha256-${createHash('sha256').update(SCRIPT).digest('base64')}'`;

function page(title: string, body: string, withScript: boolean): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title><style>${CSS}</style></head><body><a class="skip" href="#main">跳到主要内容</a>${body}${withScript ? `<script>${SCRIPT}</script>` : ''}</body></html>`;
}

const header = (p: PublicProgress) =>
  `<header><p>${esc(p.publisher)}</p><h1>${esc(p.plan.title)}落实情况</h1></header>`;

const footer = (p: PublicProgress, base: string) =>
  `<footer><p class="meta">数据更新于 ${esc(p.snapshotAt.slice(0, 16).replace('T', ' '))}（UTC），状态按 ${date(p.asOf)} 计算。开放数据：<a href="${base}/data.json">JSON</a> · <a href="${base}/data.csv">CSV（Excel 可直接打开）</a></p></footer>`;

const badge = (state: PublicState, delayedTo: string | null) =>
  `<span class=${state}>${PUBLIC_STATE_LABELS[state]}</span>${state === 'DELAYED' && delayedTo ? `<br>延期至 ${date(delayedTo)}` : ''}`;

const headRow = (columns: string[]) => `<thead><tr>${columns.map((c) => `<th>${c}</th>`).join('')}</tr></thead>`;

export function matches(kp: PublicKeyPoint, f: PublicFilters): boolean {
  return (
    // The words a reader sees in the row, with every unit by its full name, as the page's script searches.
    (!f.q ||
      `${kp.label}${kp.title}${kp.leadUnits.join('、') || '—'}${kp.responsibleUnits.join('、') || '—'}`.includes(
        f.q,
      )) &&
    (!f.section || kp.section === f.section) &&
    (!f.unit || kp.units.some((u) => u.unit === f.unit)) &&
    (!f.state || kp.state === f.state)
  );
}

/** Options whose value is their text (no value attribute: a province lists two hundred units). */
const options = (values: string[], selected: string, all: string) =>
  `<option value="">${all}</option>${values.map((v) => `<option${v === selected ? ' selected' : ''}>${esc(v)}`).join('')}`;

/**
 * The plan's page: counts, the filter form and one table per section. It has to stay small for a
 * province plan (hundreds of key points, dozens of units each), so the rows carry no attribute or end
 * tag a browser does not need, and links are relative to the plan's address (`base`, which has no
 * trailing slash) unless the page is shown elsewhere (the office's preview).
 */
export function planPage(
  p: PublicProgress,
  base: string,
  f: PublicFilters,
  { banner = '', absoluteLinks = false } = {},
): string {
  const shown = new Set(p.keyPoints.filter((kp) => matches(kp, f)));
  const counts = STATES.map(
    (s) => `${PUBLIC_STATE_LABELS[s]} ${p.keyPoints.filter((kp) => kp.state === s).length} 项`,
  ).join('，');
  const sections = [...new Set(p.keyPoints.map((kp) => kp.section ?? ''))];
  const units = [...new Set(p.keyPoints.flatMap((kp) => kp.units.map((u) => u.unit)))].sort((a, b) =>
    a.localeCompare(b, 'zh-CN'),
  );
  const known = new Set(units);
  const unitCell = (names: string[]) => esc(compactUnitList(names, known) || '—');
  const itemsOf = absoluteLinks ? base : base.slice(base.lastIndexOf('/') + 1);
  const form = `<form id="filters" method="get" role="search" aria-label="筛选工作要点">
<label>关键词<input type="search" name="q" value="${esc(f.q)}" maxlength="50"></label>
<label>部分<select name="section">${options(sections.filter(Boolean), f.section, '全部')}</select></label>
<label>单位<select name="unit">${options(units, f.unit, '全部单位')}</select></label>
<label>状态<select name="state"><option value="">全部状态</option>${STATES.map((s) => `<option value=${s}${s === f.state ? ' selected' : ''}>${PUBLIC_STATE_LABELS[s]}`).join('')}</select></label>
<button type="submit">筛选</button></form>`;
  const tables = sections
    .map((section, index) => {
      const kps = p.keyPoints.filter((kp) => (kp.section ?? '') === section);
      const rows = kps
        .map((kp) => {
          const links = kp.units.reduce((n, u) => n + u.links.length, 0);
          const item = `${itemsOf}/items/${kp.no}`;
          return (
            `<tr data-state=${kp.state}${shown.has(kp) ? '' : ' hidden'}><td>${kp.no}<th scope=row><a href="${item}">${esc(kp.label)}${esc(kp.title)}</a>` +
            `<td>${unitCell(kp.leadUnits)}<td>${unitCell(kp.responsibleUnits)}<td>${date(kp.timeLimit)}<td>${badge(kp.state, kp.delayedTo)}` +
            `<td>${date(kp.completedOn)}<td>${links ? `<a href="${item}#links">${links} 条</a>` : '—'}`
          );
        })
        .join('');
      const visible = kps.some((kp) => shown.has(kp));
      const heading = section || '其他工作要点';
      return `<section data-section="${esc(section)}"${visible ? '' : ' hidden'} aria-labelledby="h${index}"><h2 id="h${index}">${esc(heading)}</h2>
<table class="p"><caption>${esc(heading)}：各项工作要点的牵头单位、责任单位、时限和落实状态</caption>
${headRow(PLAN_COLUMNS)}<tbody>${rows}</tbody></table></section>`;
    })
    .join('');
  const body = `${header(p)}<main id="main">${banner}<p class="meta">共 ${p.keyPoints.length} 项工作要点：${counts}。</p>${form}
<p role="status">显示 <span id="shown">${shown.size}</span> 项</p>${tables}</main>${footer(p, base)}`;
  return page(`${p.plan.title}落实情况 - ${p.publisher}`, body, true);
}

/** One key point with each unit's state and the links it gave. */
export function keyPointPage(p: PublicProgress, kp: PublicKeyPoint, base: string, banner = ''): string {
  const rows = kp.units
    .map(
      (u) =>
        `<tr><th scope=row>${esc(u.unit)}<td>${u.role}单位<td>${date(u.timeLimit)}<td>${badge(u.state, u.delayedTo)}<td>${date(u.completedOn)}` +
        `<td>${u.links.length ? u.links.map((l) => `<a href="${esc(l.url)}" rel="noopener noreferrer nofollow">${esc(l.title || l.url)}</a>`).join('<br>') : '—'}`,
    )
    .join('');
  const body = `${header(p)}<main id="main">${banner}<p class="nav"><a href="${base}">返回全部工作要点</a></p>
<h2>${esc(kp.label)}${esc(kp.title)}</h2>${kp.section ? `<p class="meta">${esc(kp.section)}</p>` : ''}${kp.text && kp.text !== kp.title ? `<p>${esc(kp.text)}</p>` : ''}
<p>完成时限：${date(kp.timeLimit)}　状态：${badge(kp.state, kp.delayedTo)}　完成时间：${date(kp.completedOn)}</p>
<table id="links" class="u"><caption>各单位落实情况和公开链接</caption>${headRow(UNIT_COLUMNS)}
<tbody>${rows || '<tr><td colspan="6">暂无承办单位</td></tr>'}</tbody></table></main>${footer(p, base)}`;
  return page(`${kp.title} - ${p.plan.title} - ${p.publisher}`, body, false);
}

export function notFoundPage(): string {
  return page(
    '页面不存在',
    `<main id="main"><h1>页面不存在</h1><p>没有找到这个公开页面：地址可能有误，或该工作要点尚未公开。</p></main>`,
    false,
  );
}

export function badRequestPage(message: string): string {
  return page('请求有误', `<main id="main"><h1>请求有误</h1><p>${esc(message)}</p></main>`, false);
}

export function tooManyPage(): string {
  return page('访问过于频繁', `<main id="main"><h1>访问过于频繁</h1><p>请稍后再试。</p></main>`, false);
}
