import { createHash } from 'node:crypto';
import { PUBLIC_STATE_LABELS, type PublicState } from '@duban/domain';
import type { PublicKeyPoint, PublicProgress } from './public-progress.js';

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
.s{display:inline-block;padding:0 6px;border-radius:4px;font-size:.875rem;white-space:nowrap}
.DONE{background:#e6f4ea;color:#0f5c2e}.IN_PROGRESS{background:#e8f0fe;color:#174ea6}.OVERDUE{background:#fce8e6;color:#a50e0e}.DELAYED{background:#fef7e0;color:#7a4a00}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
@media (max-width:640px){table,tbody,tr,td,th{display:block}thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
tr{border:1px solid #d0d0d0;margin-bottom:12px;border-radius:6px}td,tbody th{border:0;border-bottom:1px solid #eee}td[data-label]::before{content:attr(data-label) "：";font-weight:600}}
@media print{form,.skip,.nav{display:none}header{background:none;color:#000;border-bottom:2px solid #000}a{color:#000;text-decoration:none}.s{border:1px solid #000;background:none;color:#000}tr{break-inside:avoid}}`;

/*
 * Progressive enhancement: the form works by reloading with the filters in the query; with JavaScript
 * the rows are filtered as one types. Served inline under a CSP hash, so no other script can run.
 */
const SCRIPT = `(function(){var f=document.getElementById('filters');if(!f)return;var rows=[].slice.call(document.querySelectorAll('tr[data-state]'));var out=document.getElementById('shown');
function t(r,i){return r.cells[i].textContent;}
function run(){var q=f.q.value.trim(),s=f.section.value,u=f.unit.value,st=f.state.value,n=0;rows.forEach(function(r){var ok=(!q||(t(r,1)+t(r,2)+t(r,3)).indexOf(q)>=0)&&(!s||r.closest('section').getAttribute('data-section')===s)&&(!u||(t(r,2)+'、'+t(r,3)).split('、').indexOf(u)>=0)&&(!st||r.getAttribute('data-state')===st);r.hidden=!ok;if(ok)n++;});
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
  `<span class="s ${state}">${PUBLIC_STATE_LABELS[state]}</span>${state === 'DELAYED' && delayedTo ? `<br>延期至 ${date(delayedTo)}` : ''}`;

export function matches(kp: PublicKeyPoint, f: PublicFilters): boolean {
  return (
    // The words a reader sees in the row, as the page's script searches them too.
    (!f.q ||
      `${kp.label}${kp.title}${kp.leadUnits.join('、') || '—'}${kp.responsibleUnits.join('、') || '—'}`.includes(
        f.q,
      )) &&
    (!f.section || kp.section === f.section) &&
    (!f.unit || kp.units.some((u) => u.unit === f.unit)) &&
    (!f.state || kp.state === f.state)
  );
}

const options = (values: string[], selected: string, all: string, label = (v: string) => v) =>
  `<option value="">${all}</option>${values.map((v) => `<option value="${esc(v)}"${v === selected ? ' selected' : ''}>${esc(label(v))}</option>`).join('')}`;

/** The plan's page: counts, the filter form and one table per section. */
export function planPage(p: PublicProgress, base: string, f: PublicFilters, banner = ''): string {
  const shown = p.keyPoints.filter((kp) => matches(kp, f));
  const counts = STATES.map(
    (s) => `${PUBLIC_STATE_LABELS[s]} ${p.keyPoints.filter((kp) => kp.state === s).length} 项`,
  ).join('，');
  const sections = [...new Set(p.keyPoints.map((kp) => kp.section ?? ''))];
  const units = [...new Set(p.keyPoints.flatMap((kp) => kp.units.map((u) => u.unit)))].sort((a, b) =>
    a.localeCompare(b, 'zh-CN'),
  );
  const form = `<form id="filters" method="get" role="search" aria-label="筛选工作要点">
<label>关键词<input type="search" name="q" value="${esc(f.q)}" maxlength="50"></label>
<label>部分<select name="section">${options(sections.filter(Boolean), f.section, '全部')}</select></label>
<label>单位<select name="unit">${options(units, f.unit, '全部单位')}</select></label>
<label>状态<select name="state">${options(STATES, f.state, '全部状态', (s) => PUBLIC_STATE_LABELS[s as PublicState])}</select></label>
<button type="submit">筛选</button></form>`;
  const tables = sections
    .map((section, index) => {
      const kps = p.keyPoints.filter((kp) => (kp.section ?? '') === section);
      const rows = kps
        .map((kp) => {
          const hidden = shown.includes(kp) ? '' : ' hidden';
          const links = kp.units.reduce((n, u) => n + u.links.length, 0);
          return `<tr data-state="${kp.state}"${hidden}>
<td data-label="序号">${kp.no}</td><th scope="row" data-label="工作要点"><a href="${base}/items/${kp.no}">${esc(kp.label)}${esc(kp.title)}</a></th>
<td data-label="牵头单位">${esc(kp.leadUnits.join('、') || '—')}</td><td data-label="责任单位">${esc(kp.responsibleUnits.join('、') || '—')}</td>
<td data-label="完成时限">${date(kp.timeLimit)}</td><td data-label="状态">${badge(kp.state, kp.delayedTo)}</td><td data-label="完成时间">${date(kp.completedOn)}</td>
<td data-label="公开链接">${links ? `<a href="${base}/items/${kp.no}#links">${links} 条</a>` : '—'}</td></tr>`;
        })
        .join('');
      const visible = kps.some((kp) => shown.includes(kp));
      const heading = section || '其他工作要点';
      return `<section data-section="${esc(section)}"${visible ? '' : ' hidden'} aria-labelledby="h${index}"><h2 id="h${index}">${esc(heading)}</h2>
<table><caption>${esc(heading)}：各项工作要点的牵头单位、责任单位、时限和落实状态</caption>
<thead><tr><th scope="col">序号</th><th scope="col">工作要点</th><th scope="col">牵头单位</th><th scope="col">责任单位</th><th scope="col">完成时限</th><th scope="col">状态</th><th scope="col">完成时间</th><th scope="col">公开链接</th></tr></thead>
<tbody>${rows}</tbody></table></section>`;
    })
    .join('');
  const body = `${header(p)}<main id="main">${banner}<p class="meta">共 ${p.keyPoints.length} 项工作要点：${counts}。</p>${form}
<p role="status">显示 <span id="shown">${shown.length}</span> 项</p>${tables}</main>${footer(p, base)}`;
  return page(`${p.plan.title}落实情况 - ${p.publisher}`, body, true);
}

/** One key point with each unit's state and the links it gave. */
export function keyPointPage(p: PublicProgress, kp: PublicKeyPoint, base: string, banner = ''): string {
  const rows = kp.units
    .map(
      (
        u,
      ) => `<tr><th scope="row" data-label="单位">${esc(u.unit)}</th><td data-label="职责">${u.role}单位</td><td data-label="完成时限">${date(u.timeLimit)}</td>
<td data-label="状态">${badge(u.state, u.delayedTo)}</td><td data-label="完成时间">${date(u.completedOn)}</td>
<td data-label="公开链接">${u.links.length ? u.links.map((l) => `<a href="${esc(l.url)}" rel="noopener noreferrer nofollow">${esc(l.title || l.url)}</a>`).join('<br>') : '—'}</td></tr>`,
    )
    .join('');
  const body = `${header(p)}<main id="main">${banner}<p class="nav"><a href="${base}">返回全部工作要点</a></p>
<h2>${esc(kp.label)}${esc(kp.title)}</h2>${kp.section ? `<p class="meta">${esc(kp.section)}</p>` : ''}${kp.text && kp.text !== kp.title ? `<p>${esc(kp.text)}</p>` : ''}
<p>完成时限：${date(kp.timeLimit)}　状态：${badge(kp.state, kp.delayedTo)}　完成时间：${date(kp.completedOn)}</p>
<table id="links"><caption>各单位落实情况和公开链接</caption><thead><tr><th scope="col">单位</th><th scope="col">职责</th><th scope="col">完成时限</th><th scope="col">状态</th><th scope="col">完成时间</th><th scope="col">公开链接</th></tr></thead>
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
