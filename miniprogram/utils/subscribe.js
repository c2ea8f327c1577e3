// Subscribe-message opt-in at the natural moments (after submitting: REVIEW_RESULT; on a deadline
// screen: REMINDER; in the inbox: POLICY). Each wx.requestSubscribeMessage result is reported to the
// server, which allows one message per accepted template. Never blocks the page: failures are quiet.
const api = require('./api');

function requestSubscribe(tmplIds) {
  return new Promise((resolve) => {
    wx.requestSubscribeMessage({
      tmplIds,
      success: (res) => resolve(res),
      fail: () => resolve(null),
    });
  });
}

/** Asks for the templates of these kinds (e.g. ['REVIEW_RESULT']); resolves with the results reported (or null). */
function ask(kinds) {
  return api.get('/api/mini/subscriptions/templates').then((answer) => {
    const templates = (answer && answer.templates) || {};
    const ids = kinds.map((kind) => templates[kind]).filter(Boolean);
    if (!ids.length) return null;
    return requestSubscribe(ids).then((res) => {
      if (!res) return null;
      const results = {};
      ids.forEach((id) => {
        if (res[id]) results[id] = res[id];
      });
      if (!Object.keys(results).length) return null;
      return api.post('/api/mini/subscriptions', { results }).then(() => results);
    });
  }).catch(() => null);
}

module.exports = { ask };
