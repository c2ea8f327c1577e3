// Which server the mini-program talks to: develop (DevTools / preview), trial (体验版) or release (正式版),
// as WeChat reports it. The hosts must be in the request/upload/download allow-lists (docs/miniprogram.md).
const BASE_URLS = {
  develop: 'http://127.0.0.1:8080',
  trial: 'https://trial.gzh-filing.example.cn',
  release: 'https://gzh-filing.example.cn',
};

function envVersion() {
  try {
    const info = wx.getAccountInfoSync();
    return (info && info.miniProgram && info.miniProgram.envVersion) || 'develop';
  } catch (e) {
    return 'develop';
  }
}

function baseUrl() {
  return BASE_URLS[envVersion()] || BASE_URLS.develop;
}

module.exports = { BASE_URLS, envVersion, baseUrl };
