// Charts (Apache ECharts, loaded by index.html from this gateway) and their table views. Each chart is an image to
// assistive technology, labelled with what it shows; its figures are in the table beside it. Tooltips are drawn on
// the canvas (renderMode richText), so no inline style is needed and the page's Content-Security-Policy holds.

const PALETTE = ['#0b5cad', '#d9480f', '#2b8a3e', '#862e9c', '#e67700', '#0c8599', '#c2255c', '#5c940d'];

function baseOption(title) {
  return {
    color: PALETTE,
    animation: false,
    aria: { enabled: false },
    textStyle: { fontFamily: 'system-ui, "Noto Sans CJK SC", "Noto Sans", sans-serif' },
    tooltip: { trigger: 'axis', renderMode: 'richText', axisPointer: { type: 'shadow' } },
    title: { show: false, text: title },
  };
}

export class Charts {
  constructor() {
    this.instances = new Map(); // element id -> echarts instance
    this.observer = typeof ResizeObserver === 'function'
      ? new ResizeObserver((entries) => entries.forEach((e) => this.instances.get(e.target.id)?.resize()))
      : null;
  }

  available() {
    return typeof window.echarts === 'object' && window.echarts !== null;
  }

  /** Draws an option into the element, or says there is nothing to draw. */
  draw(id, label, option, empty) {
    const element = document.getElementById(id);
    element.setAttribute('role', 'img');
    element.setAttribute('aria-label', `${label}. The table below lists the figures.`);
    element.classList.toggle('empty', empty);
    if (empty) {
      this.instances.get(id)?.dispose();
      this.instances.delete(id);
      element.textContent = 'Nothing to draw yet.';
      return;
    }
    if (!this.available()) {
      element.classList.add('empty');
      element.textContent = 'The chart library did not load; the table below has the figures.';
      return;
    }
    let chart = this.instances.get(id);
    if (!chart) {
      element.textContent = '';
      chart = window.echarts.init(element, null, { renderer: 'canvas' });
      this.instances.set(id, chart);
      this.observer?.observe(element);
    }
    chart.setOption(option, { notMerge: true });
  }

  resizeAll() {
    this.instances.forEach((chart) => chart.resize());
  }

  /** Horizontal bars, largest first from the top. */
  bars(id, label, names, series) {
    const option = baseOption(label);
    option.grid = { left: 8, right: 32, top: 8, bottom: 8, containLabel: true };
    option.xAxis = { type: 'value', minInterval: 1 };
    option.yAxis = { type: 'category', data: names, inverse: true, axisLabel: { width: 190, overflow: 'truncate' } };
    option.series = series.map((s) => ({ type: 'bar', name: s.name, data: s.data, label: { show: true, position: 'right' } }));
    this.draw(id, label, option, names.length === 0);
  }

  /** Horizontal bars stacked by series (the category mix of each organization). */
  stackedBars(id, label, names, series) {
    const option = baseOption(label);
    option.legend = { top: 0, type: 'scroll' };
    option.grid = { left: 8, right: 24, top: 36, bottom: 8, containLabel: true };
    option.xAxis = { type: 'value', minInterval: 1 };
    option.yAxis = { type: 'category', data: names, inverse: true, axisLabel: { width: 220, overflow: 'truncate' } };
    option.series = series.map((s) => ({ type: 'bar', name: s.name, data: s.data, stack: 'mix' }));
    this.draw(id, label, option, names.length === 0);
  }

  /** Vertical columns per period, stacked where series share a stack. */
  columns(id, label, periods, series) {
    const option = baseOption(label);
    option.legend = { top: 0 };
    option.grid = { left: 8, right: 16, top: 36, bottom: 8, containLabel: true };
    option.xAxis = { type: 'category', data: periods };
    option.yAxis = { type: 'value', minInterval: 1 };
    option.series = series.map((s) => ({ type: 'bar', name: s.name, data: s.data, stack: s.stack }));
    this.draw(id, label, option, periods.length === 0);
  }

  /** Lines per period; series with points: true are drawn as markers only (announced totals). */
  lines(id, label, periods, series) {
    const option = baseOption(label);
    option.tooltip.axisPointer = { type: 'line' };
    option.legend = { top: 0, type: 'scroll' };
    option.grid = { left: 8, right: 16, top: 36, bottom: 8, containLabel: true };
    option.xAxis = { type: 'category', data: periods };
    option.yAxis = { type: 'value', minInterval: 1 };
    option.series = series.map((s) => (s.points
      ? { type: 'scatter', name: s.name, data: s.data, symbolSize: 10, symbol: 'diamond' }
      : { type: 'line', name: s.name, data: s.data, showSymbol: false, step: false }));
    this.draw(id, label, option, periods.length === 0);
  }

  /** A pie of shares. */
  pie(id, label, slices) {
    const option = baseOption(label);
    option.tooltip = { trigger: 'item', renderMode: 'richText' };
    option.legend = { bottom: 0 };
    option.series = [{
      type: 'pie', name: label, radius: ['35%', '65%'], center: ['50%', '45%'], data: slices,
      label: { formatter: '{b}: {c}' },
    }];
    this.draw(id, label, option, slices.every((s) => s.value === 0));
  }
}

/** A table of text cells into the element; columns listed in numeric are right-aligned. */
export function table(id, headers, rows, numeric = []) {
  const element = document.getElementById(id);
  const tableElement = document.createElement('table');
  const head = tableElement.createTHead().insertRow();
  headers.forEach((text, index) => {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = text;
    if (numeric.includes(index)) th.className = 'num';
    head.append(th);
  });
  const body = tableElement.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    row.forEach((text, index) => {
      const td = tr.insertCell();
      td.textContent = text ?? '';
      if (numeric.includes(index)) td.className = 'num';
    });
  }
  if (rows.length === 0) {
    const td = body.insertRow().insertCell();
    td.colSpan = headers.length;
    td.textContent = 'No rows.';
  }
  element.replaceChildren(tableElement);
}
