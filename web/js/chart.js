/* SPDX-License-Identifier: MIT */
/*
** web/js/chart.js -- the comparison (pm_compare, the page's table
** `comparison`) drawn as SVG, no library: the group of the report shown,
** that is the reports pm_compare pools with it (same market, geography and
** currency), never reports of other groups. Years across, billions of the
** group's currency up on a log scale (a constant growth rate is a straight
** line; linear when a value is not positive); the min-max band and the
** median of the values pm_compare counts (read from its min_bn, median_bn
** and max_bn, never computed here); each report's path, dashed where a
** value is not counted; its printed figures as large dots and its values
** not counted (extrapolated) as small hollow ones; the report shown drawn
** on top and thicker. The numbers follow as a table, and a line names the
** comparison's other groups.
**
**   renderChart(container, db, report)
**
** Hooks for tests and for reading: the chart's group is in the container's
** data-market, data-geography and data-currency (empty when the report is
** not compared); the axis title is text[data-role=axis]; the band is
** path[data-role=band] and the median path[data-role=median], each with
** the years it spans in data-years and its values in data-min and data-max
** (the band) or data-median; each report a g[data-report]; each dot a
** circle[data-basis][data-counted] with its year and value in billions in
** data-year and data-value.
*/

const SVG_NS = 'http://www.w3.org/2000/svg';
const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#17becf'];
const CHART = { width: 900, height: 390, left: 64, right: 190, top: 14, bottom: 42 };

function svg(tag, attrs = {}, ...children) {
  const e = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

function svgTitle(text) {
  return svg('title', {}, text);
}

/* Round values between lo and hi for a log axis: 1, 2 and 5 times the
** powers of ten, or every digit when those give fewer than three. */
function logTicks(lo, hi) {
  for (const digits of [[1, 2, 5], [1, 2, 3, 4, 5, 6, 7, 8, 9]]) {
    const ticks = [];
    for (let p = Math.floor(Math.log10(lo)); p <= Math.ceil(Math.log10(hi)); p++) {
      for (const m of digits) if (m * 10 ** p >= lo && m * 10 ** p <= hi) ticks.push(m * 10 ** p);
    }
    if (ticks.length >= 3) return ticks;
  }
  return [lo, hi];
}

/* Round values from 0 to hi for a linear axis, at most 7. */
function linearTicks(hi) {
  const step = 10 ** Math.floor(Math.log10(hi / 5 || 1));
  const unit = [1, 2, 5, 10].map((m) => m * step).find((u) => hi / u <= 6);
  const ticks = [];
  for (let t = 0; t <= hi; t += unit) ticks.push(t);
  return ticks;
}

function chartScales(rows) {
  const values = rows.flatMap((r) => [r.value_bn, r.min_bn, r.max_bn]).filter((v) => v !== null);
  const years = rows.map((r) => r.year);
  const x0 = Math.min(...years);
  const x1 = Math.max(x0 + 1, ...years);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const log = lo > 0;
  const [d0, d1] = log ? [lo / 1.12, hi * 1.12] : [0, hi * 1.05 || 1];
  const f = log ? Math.log10 : (v) => v;
  const plotW = CHART.width - CHART.left - CHART.right;
  const plotH = CHART.height - CHART.top - CHART.bottom;
  return {
    log, x0, x1, ticks: log ? logTicks(d0, d1) : linearTicks(d1),
    x: (year) => CHART.left + ((year - x0) / (x1 - x0)) * plotW,
    y: (v) => CHART.top + plotH - ((f(v) - f(d0)) / (f(d1) - f(d0) || 1)) * plotH,
  };
}

/* Runs of consecutive points where value(point) is not null. */
function runs(points, value) {
  const out = [];
  let run = [];
  for (const p of points) {
    if (value(p) === null) {
      if (run.length) out.push(run);
      run = [];
    } else {
      run.push(p);
    }
  }
  if (run.length) out.push(run);
  return out;
}

function pathOf(points, s, value) {
  return points.map((p, i) => `${i ? 'L' : 'M'}${s.x(p.year).toFixed(1)},${s.y(value(p)).toFixed(1)}`).join('');
}

function chartAxes(s, currency) {
  const g = svg('g', { 'data-role': 'axes' });
  const bottom = CHART.height - CHART.bottom;
  const right = CHART.width - CHART.right;
  for (const t of s.ticks) {
    g.append(svg('line', { x1: CHART.left, x2: right, y1: s.y(t), y2: s.y(t), stroke: '#e4e7eb' }));
    g.append(svg('text', { x: CHART.left - 6, y: s.y(t) + 4, 'text-anchor': 'end' }, t.toLocaleString('en-US')));
  }
  const step = Math.max(1, Math.ceil((s.x1 - s.x0) / 10));
  for (let year = s.x0; year <= s.x1; year += step) {
    g.append(svg('line', { x1: s.x(year), x2: s.x(year), y1: bottom, y2: bottom + 5, stroke: '#57606a' }));
    g.append(svg('text', { x: s.x(year), y: bottom + 18, 'text-anchor': 'middle' }, String(year)));
  }
  g.append(svg('line', { x1: CHART.left, x2: right, y1: bottom, y2: bottom, stroke: '#57606a' }));
  g.append(svg('text', { x: 14, y: CHART.top + 150, transform: `rotate(-90 14 ${CHART.top + 150})`, 'text-anchor': 'middle',
    'data-role': 'axis' }, `${currency} billions${s.log ? ' (log scale)' : ''}`));
  return g;
}

/* The consensus of each year (one row per year of the group): the band
** from min_bn to max_bn and the median, where pm_compare counted a value. */
function chartBand(years, s) {
  const g = svg('g', {});
  const list = (run, value) => run.map((p) => shown(value(p))).join(' ');
  for (const run of runs(years, (p) => p.max_bn)) {
    const top = pathOf(run, s, (p) => p.max_bn);
    const back = [...run].reverse().map((p) => `L${s.x(p.year).toFixed(1)},${s.y(p.min_bn).toFixed(1)}`).join('');
    g.append(svg('path', { d: `${top}${back}Z`, fill: '#c8dcf0', 'fill-opacity': 0.7, 'data-role': 'band',
      'data-years': list(run, (p) => p.year), 'data-min': list(run, (p) => p.min_bn),
      'data-max': list(run, (p) => p.max_bn) },
    svgTitle('min-max of the values counted')));
  }
  for (const run of runs(years, (p) => p.median_bn)) {
    g.append(svg('path', { d: pathOf(run, s, (p) => p.median_bn), fill: 'none', stroke: '#111', 'stroke-width': 1.5,
      'data-role': 'median', 'data-years': list(run, (p) => p.year), 'data-median': list(run, (p) => p.median_bn) },
    svgTitle('median of the values counted')));
  }
  return g;
}

function pointTitle(report, p, currency) {
  const how = p.basis === 'reported' ? 'printed' : p.basis;
  const own = p.value !== null && p.value !== p.value_bn ? `${rounded(p.value)} ${p.unit}, ` : '';
  return `${report} ${p.year}: ${own}${rounded(p.value_bn)} ${currency} bn (${how}${p.counted ? '' : ', not counted'})`;
}

function chartReport(report, points, colour, s, selected, currency) {
  const g = svg('g', { 'data-report': report });
  const width = selected ? 3.2 : 1.8;
  for (const run of runs(points, (p) => p.value_bn)) {
    for (let i = 1; i < run.length; i++) {
      const [a, b] = [run[i - 1], run[i]];
      const dashed = !a.counted || !b.counted;
      g.append(svg('line', { x1: s.x(a.year), y1: s.y(a.value_bn), x2: s.x(b.year), y2: s.y(b.value_bn),
        stroke: colour, 'stroke-width': width, 'stroke-dasharray': dashed ? '5 4' : null }));
    }
  }
  for (const p of points) {
    if (p.value_bn === null || (p.basis !== 'reported' && p.counted)) continue;
    const printed = p.basis === 'reported' && p.counted;
    g.append(svg('circle', { cx: s.x(p.year), cy: s.y(p.value_bn), r: printed ? (selected ? 6 : 5) : 3,
      fill: printed ? colour : '#fff', stroke: printed ? '#fff' : colour, 'stroke-width': printed ? 1 : 1.5,
      'data-basis': p.basis, 'data-counted': p.counted, 'data-year': p.year, 'data-value': shown(p.value_bn) },
    svgTitle(pointTitle(report, p, currency))));
  }
  return g;
}

function chartLegend(reports, colours, selected) {
  const g = svg('g', { 'data-role': 'legend' });
  const x = CHART.width - CHART.right + 16;
  const items = [['min-max band', 'band'], ['median', 'median'], ['printed figure', 'printed'],
    ['not counted', 'hollow'], ...reports.map((r) => [r, colours.get(r)])];
  items.forEach(([label, mark], i) => {
    const y = CHART.top + 10 + i * 20;
    if (mark === 'band') g.append(svg('rect', { x, y: y - 6, width: 18, height: 12, fill: '#c8dcf0' }));
    else if (mark === 'printed') g.append(svg('circle', { cx: x + 9, cy: y, r: 5, fill: '#57606a' }));
    else if (mark === 'hollow') g.append(svg('circle', { cx: x + 9, cy: y, r: 3, fill: '#fff', stroke: '#57606a', 'stroke-width': 1.5 }));
    else g.append(svg('line', { x1: x, x2: x + 18, y1: y, y2: y, stroke: mark === 'median' ? '#111' : mark, 'stroke-width': label === selected ? 3.2 : 2 }));
    g.append(svg('text', { x: x + 24, y: y + 4, 'font-weight': label === selected ? 700 : 400 }, label,
      ...(mark === 'hollow' ? [svgTitle('extrapolated: outside the years the report prints or projects; '
        + 'shown, not in the band or the median')] : [])));
  });
  return g;
}

function groupName(g) {
  return `${g.market}, ${g.geography}, ${g.currency}`;
}

/* The comparison's groups other than `group`, each with its reports. */
function otherGroups(rows, group) {
  const groups = new Map();
  for (const r of rows) {
    const key = JSON.stringify([r.market, r.geography, r.currency]);
    if (group && key === JSON.stringify([group.market, group.geography, group.currency])) continue;
    if (!groups.has(key)) groups.set(key, { name: groupName(r), reports: new Set() });
    groups.get(key).reports.add(r.report);
  }
  if (groups.size === 0) return null;
  const list = [...groups.values()].map((g) => `${g.name} (${[...g.reports].join(', ')})`).join('; ');
  return el('p', { class: 'muted', id: 'chart-groups' }, 'pm_compare pools only reports of one market, geography and '
    + `currency; ${group ? 'its other groups' : 'its groups'}: ${list}.`);
}

function renderChart(container, db, report) {
  for (const k of ['market', 'geography', 'currency']) container.dataset[k] = '';
  let all;
  try {
    all = db.objects(`SELECT market, geography, currency, year, report, value, unit, value_bn, basis, fx_rate, counted,
                      n_reports, min_bn, median_bn, max_bn FROM comparison ORDER BY report, year`);
  } catch (e) {
    container.replaceChildren(el('p', { class: 'message error', role: 'alert' }, e.message));
    return null;
  }
  const group = all.find((r) => r.report === report) ?? null;
  if (!group) {
    const known = db.query('SELECT 1 FROM reports WHERE report = ?', [report]).rows.length > 0;
    container.replaceChildren(el('p', { class: 'muted', id: 'chart-absent' }, known
      ? `pm_compare has no row for ${report}: a report is compared by its whole market (its figures of dimension market).`
      : `${report} is not in the reports table yet: accept its rows above to compare it.`),
    ...[otherGroups(all, null)].filter(Boolean));
    return null;
  }
  for (const k of ['market', 'geography', 'currency']) container.dataset[k] = group[k];
  const rows = all.filter((r) => r.market === group.market && r.geography === group.geography && r.currency === group.currency);
  const { currency } = group;
  const reports = [...new Set(rows.map((r) => r.report))];
  const colours = new Map(reports.map((r, i) => [r, PALETTE[i % PALETTE.length]]));
  const s = chartScales(rows);
  const years = [...new Map(rows.map((r) => [r.year, r])).values()].sort((a, b) => a.year - b.year);
  const order = [...reports.filter((r) => r !== report), ...reports.filter((r) => r === report)];
  const chart = svg('svg', { viewBox: `0 0 ${CHART.width} ${CHART.height}`, role: 'img', 'aria-labelledby': 'chart-title' },
    svg('title', { id: 'chart-title' }, `${groupName(group)}: ${reports.length} report${reports.length === 1 ? '' : 's'}, `
      + `${currency} billions by year, with the min-max band and the median of the values counted`),
    chartAxes(s, currency), chartBand(years, s),
    ...order.map((r) => chartReport(r, rows.filter((p) => p.report === r), colours.get(r), s, r === report, currency)),
    chartLegend(reports, colours, report));
  const fx = rows.some((r) => r.fx_rate !== null);
  const numbers = resultTable(['report', 'year', 'value', 'unit', `${currency} bn`, 'basis', ...(fx ? ['fx rate'] : []),
    'counted', 'reports', 'min', 'median', 'max'],
  rows.map((r) => [r.report, r.year, rounded(r.value), r.unit, rounded(r.value_bn), r.basis, ...(fx ? [r.fx_rate] : []),
    r.counted ? 'yes' : 'no', r.n_reports, rounded(r.min_bn), rounded(r.median_bn), rounded(r.max_bn)]));
  container.replaceChildren(chart, ...[otherGroups(all, group)].filter(Boolean),
    el('details', {}, el('summary', {}, 'The numbers'), el('div', { class: 'scroll tall' }, numbers)));
  return group;
}
