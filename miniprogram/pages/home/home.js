// 首页: my accounts' filing status, unread notices, the next deadline, and the ways in (自查, 新建备案,
// 联系我们). Without a session or without the current privacy consent the login page comes first.
const api = require('../../utils/api');
const common = require('../filing/common');

Page({
  data: { loading: true, error: null, accounts: [], unread: 0, nextDeadline: null },

  onShow() {
    this.load();
  },

  onPullDownRefresh() {
    this.load().then(() => wx.stopPullDownRefresh());
  },

  load() {
    return common.loadSignedIn(this, () => Promise.all([
      api.get('/api/mini/me'),
      api.get('/api/mini/filings'),
      // the unread count is a nicety: the page works without it
      api.get('/api/mini/inbox').catch((error) => (common.needsLogin(error) ? Promise.reject(error) : null)),
    ]).then(([me, filings, inbox]) => {
      if (me && me.consentRequired) {
        this.setData({ loading: false });
        common.goLogin();
        return;
      }
      const accounts = (filings || []).map(common.summaryRow);
      this.setData({
        loading: false,
        accounts,
        unread: (inbox && inbox.unread) || 0,
        nextDeadline: this.nextDeadline(accounts),
      });
    }));
  },

  /** The earliest due date among filings still to be (re)submitted. */
  nextDeadline(accounts) {
    return accounts
      .filter((a) => common.unfinished(a.status) && a.dueOn)
      .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0))[0] || null;
  },

  retry() {
    return this.load();
  },

  open(event) {
    wx.navigateTo({ url: '/pages/filing/filing?id=' + event.currentTarget.dataset.id });
  },

  selfCheck() {
    wx.navigateTo({ url: '/pages/self-check/self-check' });
  },

  newFiling() {
    wx.navigateTo({ url: '/pages/form/form' });
  },

  contact() {
    wx.switchTab({ url: '/pages/office/office' });
  },

  inbox() {
    wx.switchTab({ url: '/pages/inbox/inbox' });
  },
});
