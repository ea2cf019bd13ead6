// Reads of the Beian API from the page. GETs remember each URL's ETag and send it back as If-None-Match, so an
// unchanged answer costs a 304 without a body; errors carry the RFC 9457 problem's title and detail.

/** A request the API answered with an error status, or one that did not reach it. */
export class RequestFailed extends Error {
  constructor(status, message) {
    super(message);
    this.status = status; // 0: no answer at all
  }

  isClientError() {
    return this.status >= 400 && this.status < 500;
  }
}

async function failure(response) {
  let detail = '';
  try {
    const problem = await response.json();
    detail = problem.detail || problem.title || '';
  } catch {
    // not a problem body
  }
  const text = `${response.status} ${response.statusText || ''}`.trim();
  return new RequestFailed(response.status, detail ? `${text}: ${detail}` : text);
}

async function send(url, headers) {
  try {
    // no-store: the page does its own revalidation, and must see a 304 as a 304.
    return await fetch(url, { headers, cache: 'no-store' });
  } catch (error) {
    throw new RequestFailed(0, 'no answer from the gateway');
  }
}

export class ConditionalClient {
  constructor() {
    this.known = new Map(); // url -> { etag, body }
  }

  /** The JSON of a URL, and whether it changed since the last call; an unchanged answer is a 304. */
  async get(url) {
    const known = this.known.get(url);
    const headers = { Accept: 'application/json' };
    if (known) headers['If-None-Match'] = known.etag;
    const response = await send(url, headers);
    if (response.status === 304 && known) {
      return { body: known.body, etag: known.etag, changed: false };
    }
    if (!response.ok) throw await failure(response);
    const body = await response.json();
    const etag = response.headers.get('ETag');
    if (etag) this.known.set(url, { etag, body });
    return { body, etag: etag ?? '', changed: true };
  }

  /** The JSON of a URL, without revalidation (search answers are not polled). */
  async fetchJson(url) {
    const response = await send(url, { Accept: 'application/json' });
    if (!response.ok) throw await failure(response);
    return response.json();
  }
}
