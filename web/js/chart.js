/* SPDX-License-Identifier: MIT */
/*
** web/js/chart.js -- the comparison of a market's reports (pm_compare, the
** page's table `comparison`) drawn as SVG, no library: years across, USD
** billions up on a log scale (a constant growth rate is a straight line;
** linear when a value is not positive), the min-max band across reports,
** their median, each report's path (dashed where extrapolated), its
** printed figures as large dots and extrapolated years as small ones, the
** selected report drawn on top and thicker. The numbers follow as a table.
**
**   renderChart(container, db, market, selected)
**
** Hooks for tests and for reading: the band is path[data-role=band], the
** median path[data-role=median], each report a g[data-report]; each dot a
** circle[data-basis] with its year and value in data-year and data-value.
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

function chartAxes(s) {
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
  g.append(svg('text', { x: 14, y: CHART.top + 150, transform: `rotate(-90 14 ${CHART.top + 150})`, 'text-anchor': 'middle' },
    `USD billions${s.log ? ' (log scale)' : ''}`));
  return g;
}

function chartBand(years, s) {
  const g = svg('g', {});
  for (const run of runs(years, (p) => p.max_bn)) {
    const top = pathOf(run, s, (p) => p.max_bn);
    const back = [...run].reverse().map((p) => `L${s.x(p.year).toFixed(1)},${s.y(p.min_bn).toFixed(1)}`).join('');
    g.append(svg('path', { d: `${top}${back}Z`, fill: '#c8dcf0', 'fill-opacity': 0.7, 'data-role': 'band' },
      svgTitle('min-max across reports')));
  }
  for (const run of runs(years, (p) => p.median_bn)) {
    g.append(svg('path', { d: pathOf(run, s, (p) => p.median_bn), fill: 'none', stroke: '#111', 'stroke-width': 1.5,
      'data-role': 'median' }, svgTitle('median of the reports')));
  }
  return g;
}

function chartReport(report, points, colour, s, selected) {
  const g = svg('g', { 'data-report': report });
  const width = selected ? 3.2 : 1.8;
  for (const run of runs(points, (p) => p.value_bn)) {
    for (let i = 1; i < run.length; i++) {
      const [a, b] = [run[i - 1], run[i]];
      const dashed = a.basis === 'extrapolated' || b.basis === 'extrapolated';
      g.append(svg('line', { x1: s.x(a.year), y1: s.y(a.value_bn), x2: s.x(b.year), y2: s.y(b.value_bn),
        stroke: colour, 'stroke-width': width, 'stroke-dasharray': dashed ? '5 4' : null }));
    }
  }
  for (const p of points) {
    if (p.value_bn === null || (p.basis !== 'reported' && p.basis !== 'extrapolated')) continue;
    const printed = p.basis === 'reported';
    g.append(svg('circle', { cx: s.x(p.year), cy: s.y(p.value_bn), r: printed ? (selected ? 6 : 5) : 2.5,
      fill: colour, stroke: printed ? '#fff' : 'none', 'data-basis': p.basis, 'data-year': p.year,
      'data-value': shown(p.value_bn) },
    svgTitle(`${report} ${p.year}: ${rounded(p.value_bn)} USD bn (${printed ? 'printed' : p.basis})`)));
  }
  return g;
}

function chartLegend(reports, colours, selected) {
  const g = svg('g', { 'data-role': 'legend' });
  const x = CHART.width - CHART.right + 16;
  const items = [['min-max band', null], ['median', null], ...reports.map((r) => [r, colours.get(r)])];
  items.forEach(([label, colour], i) => {
    const y = CHART.top + 10 + i * 20;
    if (i === 0) g.append(svg('rect', { x, y: y - 6, width: 18, height: 12, fill: '#c8dcf0' }));
    else g.append(svg('line', { x1: x, x2: x + 18, y1: y, y2: y, stroke: colour ?? '#111', 'stroke-width': label === selected ? 3.2 : 2 }));
    g.append(svg('text', { x: x + 24, y: y + 4, 'font-weight': label === selected ? 700 : 400 }, label));
  });
  return g;
}

function renderChart(container, db, market, selected) {
  let rows;
  try {
    rows = db.objects(`SELECT year, report, value_bn, basis, n_reports, min_bn, median_bn, max_bn
                       FROM comparison WHERE market = ? ORDER BY report, year`, [market]);
  } catch (e) {
    container.replaceChildren(el('p', { class: 'message error', role: 'alert' }, e.message));
    return;
  }
  if (rows.length === 0) {
    container.replaceChildren(el('p', { class: 'muted' }, `No report of ${market} has a figure yet.`));
    return;
  }
  const reports = [...new Set(rows.map((r) => r.report))];
  const colours = new Map(reports.map((r, i) => [r, PALETTE[i % PALETTE.length]]));
  const s = chartScales(rows);
  const years = [...new Map(rows.map((r) => [r.year, r])).values()].sort((a, b) => a.year - b.year);
  const order = [...reports.filter((r) => r !== selected), ...reports.filter((r) => r === selected)];
  const chart = svg('svg', { viewBox: `0 0 ${CHART.width} ${CHART.height}`, role: 'img', 'aria-labelledby': 'chart-title' },
    svg('title', { id: 'chart-title' }, `${market}: ${reports.length} reports, USD billions by year, with the min-max band and the median`),
    chartAxes(s), chartBand(years, s),
    ...order.map((r) => chartReport(r, rows.filter((p) => p.report === r), colours.get(r), s, r === selected)),
    chartLegend(reports, colours, selected));
  const numbers = resultTable(['report', 'year', 'USD bn', 'basis', 'reports', 'min', 'median', 'max'],
    rows.map((r) => [r.report, r.year, rounded(r.value_bn), r.basis, r.n_reports, rounded(r.min_bn),
      rounded(r.median_bn), rounded(r.max_bn)]));
  container.replaceChildren(chart,
    el('details', {}, el('summary', {}, 'The numbers'), el('div', { class: 'scroll tall' }, numbers)));
}
