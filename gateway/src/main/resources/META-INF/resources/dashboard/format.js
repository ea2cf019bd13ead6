// Formatting of numbers, dates and periods for the dashboard (English labels).

const numbers = new Intl.NumberFormat('en-US');
const percents = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const times = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit',
  timeZone: 'UTC', timeZoneName: 'short',
});
const shanghaiDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

export function formatNumber(value) {
  return numbers.format(value);
}

/** A percentage given as 0..100. */
export function formatPercent(value) {
  return `${percents.format(value)}%`;
}

export function formatTime(iso) {
  return times.format(new Date(iso));
}

/** Today's date in the register's calendar (Asia/Shanghai), YYYY-MM-DD. */
export function todayInShanghai() {
  return shanghaiDay.format(new Date());
}

/** The insights period label of a date (YYYY-MM-DD): 2024-03, 2024-Q1 or 2024, as /insights/trends names them. */
export function periodOf(date, bucket) {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  if (bucket === 'month') return date.slice(0, 7);
  if (bucket === 'quarter') return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
  return year;
}
