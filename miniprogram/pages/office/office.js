// 联系我们: the office's address, hours, contacts (no login needed).
const api = require('../../utils/api');

Page({
  data: { loading: true, office: null, error: null },
  onLoad() {
    this.load();
  },
  load() {
    this.setData({ loading: true, error: null });
    return api.get('/api/mini/office', { auth: false })
      .then((office) => this.setData({ loading: false, office }))
      .catch((error) => this.setData({ loading: false, error: { message: error.message, retryable: error.retryable } }));
  },
  retry() {
    return this.load();
  },
  call(event) {
    wx.makePhoneCall({ phoneNumber: event.currentTarget.dataset.phone });
  },
});
