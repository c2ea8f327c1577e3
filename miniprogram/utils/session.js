// The operator's tokens, kept in the mini-program's storage so a restart does not log them out.
const KEY = 'gzh.session';

function read() {
  try {
    return wx.getStorageSync(KEY) || null;
  } catch (e) {
    return null;
  }
}

function save(tokens) {
  const session = {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    operatorId: tokens.operatorId,
  };
  wx.setStorageSync(KEY, session);
  return session;
}

function clear() {
  wx.removeStorageSync(KEY);
}

module.exports = { read, save, clear, KEY };
