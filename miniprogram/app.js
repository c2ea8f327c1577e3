// The operators' mini-program. WeChat's own privacy authorisation (wx.onNeedPrivacyAuthorization) is
// answered by the login page's dialog; our consent record (versioned) is asked for there too.
const privacy = require('./utils/privacy');

App({
  onLaunch() {
    privacy.listen();
  },
  globalData: {},
});
