// Every test file starts with a fresh fake wx (see wx.js); modules read the global at call time.
const { createWx } = require('./wx');

global.wx = createWx();
beforeEach(() => {
  global.wx = createWx();
});
