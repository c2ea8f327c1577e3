// 我的账号: every filing of mine with its status badge; a row opens the filing's detail.
const api = require('../../utils/api');
const common = require('../filing/common');

Page({
  data: { loading: true, error: null, accounts: [] },

  onShow() {
    this.load();
  },

  onPullDownRefresh() {
    this.load().then(() => wx.stopPullDownRefresh());
  },

  load() {
    if (!common.isLoggedIn()) {
      this.setData({ loading: false });
      common.goLogin();
      return Promise.resolve();
    }
    this.setData({ loading: true, error: null });
    return api.get('/api/mini/filings')
      .then((filings) => this.setData({ loading: false, accounts: (filings || []).map(common.summaryRow) }))
      .catch((error) => {
        this.setData({ loading: false });
        if (common.needsLogin(error)) common.goLogin();
        else this.setData({ error: { message: error.message, retryable: error.retryable } });
      });
  },

  retry() {
    return this.load();
  },

  open(event) {
    wx.navigateTo({ url: '/pages/filing/filing?id=' + event.currentTarget.dataset.id });
  },

  materials(event) {
    wx.navigateTo({ url: '/pages/materials/materials?id=' + event.currentTarget.dataset.id });
  },

  newFiling() {
    wx.navigateTo({ url: '/pages/form/form' });
  },
});
