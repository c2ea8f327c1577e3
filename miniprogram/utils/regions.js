// The counties (县（区）) this deployment serves, from GET /api/regions/counties (no login): asked once
// and kept for the app's lifetime (modules live as long as the app). A failed request is not kept, so a
// later page may ask again; callers treat a failure as "one county" (no choice to offer).
const api = require('./api');

let counties = null;

/**
 * Resolves with {counties: [{code, name, province, city}], defaultCountyCode}; never rejects: on a
 * failure with {counties: [], defaultCountyCode: null}.
 */
function load() {
  if (!counties) {
    counties = api.get('/api/regions/counties', { auth: false }).then((answer) => ({
      counties: (answer && Array.isArray(answer.counties)) ? answer.counties : [],
      defaultCountyCode: (answer && answer.defaultCountyCode) || null,
    })).catch(() => {
      counties = null;
      return { counties: [], defaultCountyCode: null };
    });
  }
  return counties;
}

const CHOSEN_KEY = 'countyCode';

/** The county the operator last filed in or chose on this device (联系我们 shows its office), or null. */
function chosen() {
  try {
    return wx.getStorageSync(CHOSEN_KEY) || null;
  } catch (e) {
    return null;
  }
}

/** Remembers the operator's county (a filing's, or the one picked on 联系我们). */
function choose(code) {
  if (!code) return;
  try {
    wx.setStorageSync(CHOSEN_KEY, code);
  } catch (e) {
    // storage full or unavailable: the default county is shown next time
  }
}

/** Forgets the kept answer (tests). */
function reset() {
  counties = null;
}

module.exports = { load, reset, chosen, choose };
