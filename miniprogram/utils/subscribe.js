// Subscribe-message opt-in at the natural moments (after submitting: REVIEW_RESULT; on a deadline
// screen: REMINDER; in the inbox: POLICY). Each wx.requestSubscribeMessage result is reported to the
// server, which allows one message per accepted template. WeChat shows the dialog only when it is
// called straight from a tap, so pages preload the template ids (preload() in onLoad) and ask() calls
// WeChat synchronously when they are known. Never blocks the page: failures are quiet.
const api = require('./api');

const KEY = 'gzh.subscribeTemplates';

function cached() {
  try {
    return wx.getStorageSync(KEY) || null;
  } catch (e) {
    return null;
  }
}

/** Fetches the template ids (kind → id) and keeps them; resolves with them (or null). */
function preload() {
  return api.get('/api/mini/subscriptions/templates').then((answer) => {
    const templates = (answer && answer.templates) || {};
    wx.setStorageSync(KEY, templates);
    return templates;
  }).catch(() => null);
}

function report(ids, res) {
  if (!res) return null;
  const results = {};
  ids.forEach((id) => {
    if (res[id]) results[id] = res[id];
  });
  if (!Object.keys(results).length) return null;
  return api.post('/api/mini/subscriptions', { results }).then(() => results).catch(() => null);
}

function requestNow(ids) {
  return new Promise((resolve) => {
    wx.requestSubscribeMessage({
      tmplIds: ids,
      success: (res) => resolve(res),
      fail: () => resolve(null),
    });
  }).then((res) => report(ids, res));
}

/**
 * Asks for the templates of these kinds (e.g. ['REVIEW_RESULT']); resolves with the results reported
 * (or null). Call it first thing in a tap handler: with preloaded ids WeChat is asked at once.
 */
function ask(kinds) {
  const known = cached();
  if (known) {
    const ids = kinds.map((kind) => known[kind]).filter(Boolean);
    return ids.length ? requestNow(ids) : Promise.resolve(null);
  }
  return preload().then((templates) => {
    const ids = kinds.map((kind) => (templates || {})[kind]).filter(Boolean);
    return ids.length ? requestNow(ids) : null;
  });
}

module.exports = { ask, preload, KEY };
