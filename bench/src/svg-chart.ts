/** SeriesPoint is one x position of a series: a median and its min–max. */
export interface SeriesPoint {
  x: number;
  median: number;
  min: number;
  max: number;
}

export interface LineSeries {
  name: string;
  points: SeriesPoint[];
}

export interface LineChartSpec {
  title: string;
  xLabel: string;
  yLabel: string;
  /** Log base-2 x axis (for powers of two such as calls in flight). */
  logX?: boolean;
  series: LineSeries[];
}

export interface BarChartSpec {
  title: string;
  yLabel: string;
  categories: string[];
  /** One value per category per series; NaN leaves a gap. */
  series: { name: string; values: { median: number; min: number; max: number }[] }[];
  /** Log-10 y axis, for figures that span orders of magnitude. */
  logY?: boolean;
}

const WIDTH = 860;
const HEIGHT = 440;
const MARGIN = { left: 78, right: 200, top: 40, bottom: 70 };
const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#17becf'];

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** niceTicks picks about `count` round tick values covering [lo, hi]. */
function niceTicks(lo: number, hi: number, count = 5): number[] {
  const span = hi - lo || 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push(v);
  return ticks;
}

function formatTick(v: number): string {
  if (Math.abs(v) >= 1000) return `${+(v / 1000).toFixed(1)}k`;
  return `${+v.toPrecision(3)}`;
}

function frame(title: string, body: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${WIDTH / 2 - MARGIN.right / 2}" y="22" text-anchor="middle" font-size="15" font-weight="bold">${escape(title)}</text>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}

function legend(names: string[]): string[] {
  const x = WIDTH - MARGIN.right + 16;
  return names.flatMap((name, i) => [
    `<rect x="${x}" y="${MARGIN.top + i * 20}" width="12" height="12" fill="${COLOURS[i % COLOURS.length]}"/>`,
    `<text x="${x + 18}" y="${MARGIN.top + i * 20 + 10}">${escape(name)}</text>`,
  ]);
}

/** lineChart draws series of medians with min–max whiskers. */
export function lineChart(spec: LineChartSpec): string {
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const all = spec.series.flatMap((s) => s.points).filter((p) => Number.isFinite(p.median));
  const fx = (x: number) => (spec.logX ? Math.log2(x) : x);
  const xs = all.map((p) => fx(p.x));
  const xLo = Math.min(...xs);
  const xHi = Math.max(...xs);
  const yHi = Math.max(...all.map((p) => p.max)) * 1.08 || 1;
  const px = (x: number) => MARGIN.left + ((fx(x) - xLo) / (xHi - xLo || 1)) * plotW;
  const py = (y: number) => MARGIN.top + plotH - (y / yHi) * plotH;
  const body: string[] = [];

  for (const t of niceTicks(0, yHi)) {
    body.push(
      `<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${py(t)}" y2="${py(t)}" stroke="#ddd"/>`,
      `<text x="${MARGIN.left - 6}" y="${py(t) + 4}" text-anchor="end">${formatTick(t)}</text>`,
    );
  }
  const xTicks = [...new Set(all.map((p) => p.x))].sort((a, b) => a - b);
  for (const t of xTicks) {
    body.push(
      `<text x="${px(t)}" y="${MARGIN.top + plotH + 18}" text-anchor="middle">${formatTick(t)}</text>`,
    );
  }
  body.push(
    `<line x1="${MARGIN.left}" x2="${MARGIN.left}" y1="${MARGIN.top}" y2="${MARGIN.top + plotH}" stroke="black"/>`,
    `<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${MARGIN.top + plotH}" y2="${MARGIN.top + plotH}" stroke="black"/>`,
    `<text x="${MARGIN.left + plotW / 2}" y="${HEIGHT - 24}" text-anchor="middle">${escape(spec.xLabel)}</text>`,
    `<text transform="translate(18 ${MARGIN.top + plotH / 2}) rotate(-90)" text-anchor="middle">${escape(spec.yLabel)}</text>`,
  );
  spec.series.forEach((series, i) => {
    const colour = COLOURS[i % COLOURS.length];
    const points = series.points.filter((p) => Number.isFinite(p.median));
    const path = points.map((p, j) => `${j === 0 ? 'M' : 'L'}${px(p.x)},${py(p.median)}`);
    body.push(`<path d="${path.join(' ')}" fill="none" stroke="${colour}" stroke-width="2"/>`);
    for (const p of points) {
      body.push(
        `<line x1="${px(p.x)}" x2="${px(p.x)}" y1="${py(p.min)}" y2="${py(p.max)}" stroke="${colour}"/>`,
        `<circle cx="${px(p.x)}" cy="${py(p.median)}" r="3" fill="${colour}"/>`,
      );
    }
  });
  body.push(...legend(spec.series.map((s) => s.name)));
  return frame(spec.title, body);
}

/** barChart draws grouped bars (one group per category) with min–max whiskers. */
export function barChart(spec: BarChartSpec): string {
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const values = spec.series.flatMap((s) => s.values).filter((v) => Number.isFinite(v.median));
  const yHiRaw = Math.max(...values.map((v) => v.max), 1);
  const yLoRaw = Math.max(Math.min(...values.map((v) => v.min)), 1e-9);
  const logLo = Math.floor(Math.log10(yLoRaw));
  const logHi = Math.ceil(Math.log10(yHiRaw));
  const yHi = yHiRaw * 1.08;
  const py = (y: number) => {
    if (spec.logY) {
      const f = (Math.log10(Math.max(y, 10 ** logLo)) - logLo) / (logHi - logLo || 1);
      return MARGIN.top + plotH - f * plotH;
    }
    return MARGIN.top + plotH - (y / yHi) * plotH;
  };
  const body: string[] = [];
  const ticks = spec.logY
    ? Array.from({ length: logHi - logLo + 1 }, (_, i) => 10 ** (logLo + i))
    : niceTicks(0, yHi);
  for (const t of ticks) {
    body.push(
      `<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${py(t)}" y2="${py(t)}" stroke="#ddd"/>`,
      `<text x="${MARGIN.left - 6}" y="${py(t) + 4}" text-anchor="end">${formatTick(t)}</text>`,
    );
  }
  const groupW = plotW / spec.categories.length;
  const barW = (groupW * 0.8) / spec.series.length;
  const base = py(spec.logY ? 10 ** logLo : 0);
  spec.categories.forEach((category, c) => {
    const gx = MARGIN.left + c * groupW + groupW * 0.1;
    body.push(
      `<text transform="translate(${gx + groupW * 0.4} ${MARGIN.top + plotH + 14}) rotate(12)" font-size="11">${escape(category)}</text>`,
    );
    spec.series.forEach((series, s) => {
      const v = series.values[c];
      if (v === undefined || !Number.isFinite(v.median)) return;
      const colour = COLOURS[s % COLOURS.length];
      const x = gx + s * barW;
      const top = py(v.median);
      body.push(
        `<rect x="${x}" y="${top}" width="${barW - 1}" height="${Math.max(0, base - top)}" fill="${colour}"/>`,
        `<line x1="${x + barW / 2}" x2="${x + barW / 2}" y1="${py(v.min)}" y2="${py(v.max)}" stroke="black"/>`,
      );
    });
  });
  body.push(
    `<line x1="${MARGIN.left}" x2="${MARGIN.left}" y1="${MARGIN.top}" y2="${MARGIN.top + plotH}" stroke="black"/>`,
    `<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${base}" y2="${base}" stroke="black"/>`,
    `<text transform="translate(18 ${MARGIN.top + plotH / 2}) rotate(-90)" text-anchor="middle">${escape(spec.yLabel)}</text>`,
  );
  body.push(...legend(spec.series.map((s) => s.name)));
  return frame(spec.title, body);
}
