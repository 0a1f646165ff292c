// The only place that talks HTTP: JSON in and out, the session cookie, If-Match and X-Change-Reason.

/** A non-2xx answer; problem is the RFC 9457 body (detail, code, errors[]) when the server sent one. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

let whenLoggedOut = () => {};
export function onLoggedOut(fn) { whenLoggedOut = fn; }

/** Path segment from an id, slug, name or domain. */
export const seg = (value) => encodeURIComponent(value);

export async function api(path, { method = 'GET', body, etag, reason } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (etag) headers['If-Match'] = etag;
  if (!['GET', 'HEAD'].includes(method)) {
    // Spring Security's CSRF check: the readable XSRF-TOKEN cookie's value back in a header.
    const token = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
    if (token) headers['X-XSRF-TOKEN'] = decodeURIComponent(token.substring('XSRF-TOKEN='.length));
  }
  const why = (reason || '').trim();
  if (why) {
    // Headers carry Latin-1 only, so the reason travels as RFC 8187's UTF-8'' + percent-encoding.
    headers['X-Change-Reason'] = `UTF-8''${encodeURIComponent(why)}`;
  }
  let res;
  try {
    res = await fetch(path, { method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiError(0, { code: 'network', detail: `The server could not be reached (${e.message}).` });
  }
  const type = res.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await res.json().catch(() => null) : null;
  if (!res.ok) {
    const err = new ApiError(res.status, data || { detail: `${res.status} ${res.statusText}` });
    // A 401 elsewhere means the session is gone: back to the login form instead of an error box.
    err.loggedOut = res.status === 401 && path !== '/api/session';
    if (err.loggedOut) whenLoggedOut();
    throw err;
  }
  return { data, etag: res.headers.get('ETag'), status: res.status };
}

export const get = async (path) => (await api(path)).data;
