// WeChat's privacy authorisation: when an API that needs it (wx.chooseMedia, getPhoneNumber …) is called
// before the user agreed, WeChat asks us through onNeedPrivacyAuthorization; the page that shows our
// dialog registers itself here and calls resolve({event: 'agree' | 'disagree'}).
let pending = null;
let showDialog = null;

function listen() {
  if (typeof wx.onNeedPrivacyAuthorization !== 'function') return;
  wx.onNeedPrivacyAuthorization((resolve) => {
    pending = resolve;
    if (showDialog) showDialog();
    else resolve({ event: 'disagree' });
  });
}

/** The page whose dialog answers WeChat's question (null when it goes away). */
function register(show) {
  showDialog = show;
}

function answer(agreed) {
  if (pending) {
    pending({ buttonId: agreed ? 'agree-privacy' : undefined, event: agreed ? 'agree' : 'disagree' });
    pending = null;
  }
}

/** Asks for WeChat's authorisation up front (e.g. before choosing ID-card photos). */
function requireAuthorization() {
  return new Promise((resolve, reject) => {
    if (typeof wx.requirePrivacyAuthorize !== 'function') {
      resolve();
      return;
    }
    wx.requirePrivacyAuthorize({ success: () => resolve(), fail: () => reject(new Error('privacy-denied')) });
  });
}

module.exports = { listen, register, answer, requireAuthorization };
