// The Beian dashboard: reads the public API of the gateway that serves it, polls insights with If-None-Match
// (an unchanged poll is a 304 without a body) and redraws when the watermark moves. No build step: a plain ES module.
import { ConditionalClient, RequestFailed } from './api.js';
import { periodOf, formatNumber, formatPercent, formatTime, todayInShanghai } from './format.js';
import { Charts, table } from './charts.js';

const POLL_MS = 2500;
const TOP_ORGANIZATIONS = 10;
const SEARCH_LIMIT = 20;
const WEIGHTS = { OPEN: 'Open weights', API_ONLY: 'API only', CLOSED: 'Closed', UNKNOWN: 'Unknown' };

const api = new ConditionalClient();
const charts = new Charts();
const $ = (id) => document.getElementById(id);

const state = {
  asOf: null,            // YYYY-MM-DD or null for now
  bucket: 'quarter',
  renderedKey: null,     // which summary answer (ETag + view) the page shows; null: redraw on the next poll
  insights: null,        // true, false, or null before the first answer
  registry: null,
  categoryNames: new Map(),
  lastWatermark: null,
  timer: null,
};

// ---------- polling ----------

let polling = false;
let pollAgain = false;

/** One round of polling; a call while a round runs asks for another round right after it. */
async function poll() {
  if (polling) {
    pollAgain = true;
    return;
  }
  polling = true;
  clearTimeout(state.timer);
  try {
    await Promise.all([pollInsights(), pollRegistry()]);
  } finally {
    polling = false;
  }
  if (pollAgain) {
    pollAgain = false;
    poll();
    return;
  }
  state.timer = setTimeout(poll, POLL_MS);
}

function insightsUrl(path, params = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') query.set(name, value);
  }
  const text = query.toString();
  return `/api/v1/insights/${path}${text ? `?${text}` : ''}`;
}

async function pollInsights() {
  const asOf = state.asOf;
  try {
    const summary = await api.get(insightsUrl('summary', { asOf }));
    const key = `${summary.etag}|${asOf}|${state.bucket}`;
    if (key !== state.renderedKey || state.insights !== true) {
      const [categories, regions, weights, organizations, coverage, perPeriod, cumulative] = await Promise.all([
        api.get(insightsUrl('categories', { asOf })),
        api.get(insightsUrl('regions', { asOf })),
        api.get(insightsUrl('weights', { asOf })),
        api.get(insightsUrl('organizations', { limit: TOP_ORGANIZATIONS })),
        api.get(insightsUrl('coverage')),
        api.get(insightsUrl('trends', { bucket: state.bucket, mode: 'per-period', to: asOf })),
        api.get(insightsUrl('trends', { bucket: state.bucket, mode: 'cumulative', to: asOf })),
      ]);
      if (asOf !== state.asOf) return; // the date changed while these were loading: the next poll draws it
      setInsightsAvailable(true);
      renderSummary(summary.body, coverage.body);
      renderCategories(categories.body);
      renderWeights(weights.body);
      renderRegions(regions.body);
      renderGrowth(perPeriod.body, cumulative.body, coverage.body);
      renderOrganizations(organizations.body);
      renderCoverage(coverage.body);
      state.renderedKey = key;
    }
    state.lastWatermark = summary.body.watermark;
    renderWatermark(summary.body.watermark);
  } catch (failure) {
    if (failure instanceof RequestFailed && failure.status === 400 && asOf) {
      // The API refused the date itself (a 400 problem): say why and go back to now.
      showAlert('asof', `The as-of date was refused: ${failure.message}`);
      setAsOf(null);
      return;
    }
    setInsightsAvailable(false, failure);
  }
}

async function pollRegistry() {
  try {
    const categories = await api.get('/api/v1/reference/categories');
    if (categories.changed) {
      state.categoryNames = new Map(categories.body.map((c) => [c.code, c]));
    }
    setRegistryAvailable(true);
  } catch (failure) {
    setRegistryAvailable(false, failure);
  }
}

// ---------- availability ----------

function setInsightsAvailable(up, failure) {
  const changed = state.insights !== up;
  state.insights = up;
  document.querySelectorAll('[data-needs="insights"]').forEach((panel) => panel.classList.toggle('unavailable', !up));
  if (up) {
    clearAlert('insights');
    if (changed) charts.resizeAll();
    return;
  }
  state.renderedKey = null; // redraw everything once insights answer again
  for (const id of ['fig-filings', 'fig-registrations', 'fig-organizations', 'fig-jurisdictions', 'fig-new30', 'fig-coverage']) {
    $(id).textContent = '–';
  }
  const since = state.lastWatermark?.eventTime ? ` The last figures seen were as of ${formatTime(state.lastWatermark.eventTime)}; they are not shown as current.` : '';
  showAlert('insights', `Insights cannot be reached (${failure.message}). Figures and charts are hidden until it answers again.${since}`);
  $('watermark').textContent = 'Insights unreachable: no current figures.';
}

function setRegistryAvailable(up, failure) {
  state.registry = up;
  document.querySelectorAll('[data-needs="registry"]').forEach((panel) => panel.classList.toggle('unavailable', !up));
  if (up) {
    clearAlert('registry');
  } else {
    showAlert('registry', `The registry cannot be reached (${failure.message}): search is unavailable.`);
  }
}

function showAlert(name, text) {
  let alert = document.querySelector(`.alert[data-name="${name}"]`);
  if (!alert) {
    alert = document.createElement('p');
    alert.className = 'alert bad';
    alert.dataset.name = name;
    $('alerts').append(alert);
  }
  if (alert.textContent !== text) alert.textContent = text;
}

function clearAlert(name) {
  document.querySelector(`.alert[data-name="${name}"]`)?.remove();
}

// ---------- rendering ----------

function renderWatermark(watermark) {
  const element = $('watermark');
  const at = watermark?.eventTime ? `as of ${formatTime(watermark.eventTime)}` : 'no change applied yet';
  const date = state.asOf ? `Register on ${state.asOf} (end of day, Asia/Shanghai); data ` : 'Live: data ';
  element.textContent = `${date}${at}.`;
  element.dataset.eventTime = watermark?.eventTime ?? '';
  element.classList.toggle('historic', Boolean(state.asOf));
}

function kindCount(summary, kind) {
  return summary.byKind.find((k) => k.kind === kind)?.count ?? 0;
}

/** The latest announced total on or before the date shown (today when live). */
function latestCoveragePoint(coverage) {
  const until = state.asOf ?? todayInShanghai();
  const points = coverage.points.filter((p) => p.asOf <= until);
  return points.length ? points[points.length - 1] : null;
}

function renderSummary(summary, coverage) {
  $('fig-filings').textContent = formatNumber(kindCount(summary, 'FILING'));
  $('fig-registrations').textContent = formatNumber(kindCount(summary, 'REGISTRATION'));
  $('fig-organizations').textContent = formatNumber(summary.organizations);
  $('fig-jurisdictions').textContent = formatNumber(summary.jurisdictions);
  $('fig-new30').textContent = formatNumber(summary.newInLast30Days.count);
  const point = latestCoveragePoint(coverage);
  if (point) {
    $('fig-coverage').textContent = point.filingsPercent === null ? '–' : formatPercent(point.filingsPercent);
    const registrations = point.officialRegistrations === null ? ''
      : `, and ${formatNumber(point.registryRegistrations)} of ${formatNumber(point.officialRegistrations)} registrations`;
    $('coverage-note').textContent = `The registry holds ${formatNumber(point.registryFilings)} of the `
      + `${formatNumber(point.officialFilings)}${point.approximate ? '+' : ''} filings announced by ${point.asOf} `
      + `(${point.status})${registrations}. ${summary.undated ? `${formatNumber(summary.undated)} filings have no filing date.` : ''}`;
  } else {
    $('fig-coverage').textContent = '–';
    $('coverage-note').textContent = 'No official total announced by this date.';
  }
}

function bilingual(item) {
  if (!item) return '';
  if (item.nameEn && item.nameZh) return `${item.nameEn} ${item.nameZh}`;
  return item.nameEn || item.nameZh || item.code || '';
}

function renderCategories(view) {
  const rows = view.categories;
  const drawn = rows.some((r) => r.count > 0) ? rows : [];
  $('categories-note').textContent = drawn.length ? `${formatNumber(view.filings)} filings; one in several categories counts in each.`
    : `None of the ${formatNumber(view.filings)} filings has a category recorded yet.`;
  charts.bars('chart-categories', 'Filings per category', drawn.map(bilingual), [{ name: 'Filings', data: drawn.map((r) => r.count) }]);
  table('table-categories', ['Category', 'Chinese', 'Filings', 'Share'],
    rows.map((r) => [r.nameEn, r.nameZh, formatNumber(r.count), formatPercent(r.share * 100)]), [2, 3]);
}

function renderWeights(view) {
  const rows = view.weights;
  charts.pie('chart-weights', 'Share of filings by weights access', rows.map((r) => ({ name: WEIGHTS[r.access] ?? r.access, value: r.count })));
  table('table-weights', ['Weights', 'Filings', 'Share'],
    rows.map((r) => [WEIGHTS[r.access] ?? r.access, formatNumber(r.count), formatPercent(r.share * 100)]), [1, 2]);
}

function renderRegions(view) {
  const rows = view.jurisdictions.filter((j) => j.count > 0);
  $('jurisdictions-note').textContent = `${formatNumber(view.filings)} filings; ${formatNumber(view.unknownJurisdiction)} `
    + 'without a known jurisdiction are not drawn.';
  charts.bars('chart-jurisdictions', 'Filings per jurisdiction', rows.map(bilingual),
    [{ name: 'Filings', data: rows.map((r) => r.count) }]);
  table('table-jurisdictions', ['Code', 'Jurisdiction', 'Chinese', 'Filings', 'Share'],
    rows.map((r) => [r.code, r.nameEn, r.nameZh, formatNumber(r.count), formatPercent(r.share * 100)]), [3, 4]);

  const adoption = view.adoption;
  $('adoption-note').textContent = adoption.deployments === 0
    ? 'No deployments recorded yet: add them under /api/v1/filings/{id}/deployments.'
    : `${formatNumber(adoption.deployments)} deployments, counted by their since date.`;
  for (const [name, list] of [['region', adoption.byRegion], ['sector', adoption.bySector]]) {
    const rowsOf = list.filter((r) => r.count > 0);
    charts.bars(`chart-adoption-${name}`, `Deployments by ${name}`, rowsOf.map(bilingual),
      [{ name: 'Deployments', data: rowsOf.map((r) => r.count) }]);
    table(`table-adoption-${name}`, ['Code', name === 'region' ? 'Region' : 'Sector', 'Chinese', 'Deployments'],
      rowsOf.map((r) => [r.code, r.nameEn, r.nameZh, formatNumber(r.count)]), [3]);
  }
}

function renderGrowth(perPeriod, cumulative, coverage) {
  const periods = perPeriod.series.map((p) => p.period);
  const byKind = (series, kind) => series.map((p) => p.byKind?.[kind] ?? 0);
  charts.columns('chart-growth', `New filings and registrations per ${state.bucket}`, periods, [
    { name: 'Filings', data: byKind(perPeriod.series, 'FILING'), stack: 'new' },
    { name: 'Registrations', data: byKind(perPeriod.series, 'REGISTRATION'), stack: 'new' },
  ]);
  table('table-growth', ['Period', 'Filings', 'Registrations', 'Total'],
    perPeriod.series.map((p) => [p.period, formatNumber(p.byKind?.FILING ?? 0), formatNumber(p.byKind?.REGISTRATION ?? 0),
      formatNumber(p.count)]), [1, 2, 3]);

  // Official totals beside the registry's: each announced total is drawn in the period its date falls in.
  const cumulativePeriods = cumulative.series.map((p) => p.period);
  const official = new Map();
  for (const point of coverage.points) {
    if (state.asOf && point.asOf > state.asOf) continue;
    official.set(periodOf(point.asOf, state.bucket), point);
  }
  const officialSeries = (field) => cumulativePeriods.map((period) => official.get(period)?.[field] ?? null);
  charts.lines('chart-cumulative', `Cumulative filings and registrations per ${state.bucket}, beside the official totals`, cumulativePeriods, [
    { name: 'Registry filings', data: byKind(cumulative.series, 'FILING') },
    { name: 'Registry registrations', data: byKind(cumulative.series, 'REGISTRATION') },
    { name: 'Official filings (announced)', data: officialSeries('officialFilings'), points: true },
    { name: 'Official registrations (announced)', data: officialSeries('officialRegistrations'), points: true },
  ]);
  table('table-cumulative', ['Period', 'Registry filings', 'Registry registrations', 'Official filings', 'Official registrations', 'Announced on'],
    cumulative.series.map((p) => {
      const announced = official.get(p.period);
      return [p.period, formatNumber(p.byKind?.FILING ?? 0), formatNumber(p.byKind?.REGISTRATION ?? 0),
        announced ? formatNumber(announced.officialFilings) : '', announced?.officialRegistrations != null
          ? formatNumber(announced.officialRegistrations) : '', announced ? announced.asOf : ''];
    }), [1, 2, 3, 4]);
}

function renderOrganizations(view) {
  const rows = view.organizations;
  const codes = [...new Set(rows.flatMap((o) => o.categories.map((c) => c.category)))];
  const label = (o) => (o.nameEn ? `${o.nameEn} ${o.legalName}` : o.legalName);
  const categoryName = (code) => bilingual(state.categoryNames.get(code)) || code;
  // Filings without a category are a part of the mix too; a filing in two categories counts in both.
  const uncategorized = rows.map((o) => Math.max(0, o.count - o.categories.reduce((sum, c) => sum + c.count, 0)));
  const series = codes.map((code) => ({
    name: categoryName(code),
    data: rows.map((o) => o.categories.find((c) => c.category === code)?.count ?? 0),
  }));
  if (uncategorized.some((n) => n > 0)) series.push({ name: 'No category recorded', data: uncategorized });
  charts.stackedBars('chart-organizations', 'Top organizations by filings, by category', rows.map(label), series);
  table('table-organizations', ['Rank', 'Organization', 'Filings', 'Categories'],
    rows.map((o) => [String(o.rank), label(o), formatNumber(o.count),
      o.categories.map((c) => `${categoryName(c.category)}: ${formatNumber(c.count)}`).join(', ')]), [0, 2]);
}

function renderCoverage(view) {
  table('table-coverage', ['Announced as of', 'Official filings', 'Registry filings', 'Filings covered',
    'Official registrations', 'Registry registrations', 'Registrations covered', 'Status'],
  view.points.map((p) => [p.asOf, `${formatNumber(p.officialFilings)}${p.approximate ? '+' : ''}`, formatNumber(p.registryFilings),
    p.filingsPercent === null ? '' : formatPercent(p.filingsPercent),
    p.officialRegistrations === null ? '' : formatNumber(p.officialRegistrations), formatNumber(p.registryRegistrations),
    p.registrationsPercent === null ? '' : formatPercent(p.registrationsPercent), p.status]), [1, 2, 3, 4, 5, 6]);
}

// ---------- search ----------

let searchSeq = 0;

async function search(text) {
  const q = text.trim();
  const seq = ++searchSeq;
  const list = $('search-results');
  const status = $('search-status');
  if (!q) {
    list.replaceChildren();
    status.textContent = '';
    return;
  }
  status.textContent = 'Searching …';
  try {
    const url = `/api/v1/filings?q=${encodeURIComponent(q)}&limit=${SEARCH_LIMIT}`;
    const page = await api.fetchJson(url);
    if (seq !== searchSeq) return; // a newer search has started
    list.replaceChildren(...page.items.map(resultItem));
    const more = page.nextCursor ? ` (the first ${SEARCH_LIMIT}; the API pages through the rest)` : '';
    status.textContent = page.items.length === 0 ? `No filing matches “${q}”.`
      : `${page.items.length} filing${page.items.length === 1 ? '' : 's'} match “${q}”${more}.`;
  } catch (failure) {
    if (seq !== searchSeq) return;
    list.replaceChildren();
    status.textContent = `Search failed: ${failure.message}`;
    if (!(failure instanceof RequestFailed) || !failure.isClientError()) setRegistryAvailable(false, failure);
  }
}

function resultItem(filing) {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = `/api/v1/filings/${filing.id}`;
  link.textContent = filing.nameEn ? `${filing.name} (${filing.nameEn})` : filing.name;
  const meta = document.createElement('div');
  meta.className = 'meta';
  meta.textContent = [filing.kind === 'REGISTRATION' ? 'Registration 登记' : 'Filing 备案',
    filing.organization?.legalName, filing.jurisdiction, filing.filingDate, filing.filingNumber]
    .filter(Boolean).join(' · ');
  item.append(link, ' ', meta);
  return item;
}

function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

// ---------- controls ----------

function setAsOf(value) {
  state.asOf = value || null;
  $('asof').value = state.asOf ?? '';
  const url = new URL(window.location.href);
  if (state.asOf) url.searchParams.set('asOf', state.asOf); else url.searchParams.delete('asOf');
  window.history.replaceState(null, '', url);
  state.renderedKey = null;
  poll();
}

function start() {
  const params = new URLSearchParams(window.location.search);
  const today = todayInShanghai();
  $('asof').max = today;
  const initial = params.get('asOf');
  if (initial && /^\d{4}-\d{2}-\d{2}$/.test(initial)) {
    state.asOf = initial;
    $('asof').value = initial;
  }
  $('asof-form').addEventListener('submit', (event) => {
    event.preventDefault();
    clearAlert('asof');
    setAsOf($('asof').value);
  });
  $('asof-now').addEventListener('click', () => {
    clearAlert('asof');
    setAsOf(null);
  });
  $('bucket').addEventListener('change', () => {
    state.bucket = $('bucket').value;
    state.renderedKey = null;
    poll();
  });
  $('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    search($('q').value);
  });
  $('q').addEventListener('input', debounce(() => search($('q').value), 300));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') poll();
  });
  poll();
}

start();
