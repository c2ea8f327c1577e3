/* Hash routes such as "#/registry?status=SUBMITTED". Pages navigate with go(); the shell (app.js)
 * registers how to render, so pages need not import the shell (which imports them). */
import { Api } from './api.js';

let renderCurrent = () => {};

export function setRenderer(render) {
  renderCurrent = render;
}

/** Parses "#/registry?status=SUBMITTED" into {name: 'registry', args: [], params: {status: ...}}. */
export function parseHash() {
  const raw = decodeURIComponent(location.hash.replace(/^#\/?/, ''));
  const [path, search] = raw.split('?');
  const [name, ...args] = path.split('/').filter(Boolean);
  return { name: name || '', args, params: Object.fromEntries(new URLSearchParams(search || '')) };
}

export function href(route, params) {
  return '#/' + route + Api.query(params);
}

/** Opens a route; opening the current one again renders it afresh (after a save, say). */
export function go(route, params) {
  const target = href(route, params);
  if (location.hash === target) renderCurrent();
  else location.hash = target;
}
