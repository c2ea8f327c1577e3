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
    return common.loadSignedIn(this, () => api.get('/api/mini/filings')
      .then((filings) => this.setData({ loading: false, accounts: (filings || []).map(common.summaryRow) })));
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
