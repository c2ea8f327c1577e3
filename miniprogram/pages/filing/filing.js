// One filing: its facts, status, number, due date and (if sent back) the reason, with the actions its
// status allows: 编辑, 材料, 提交, 申请变更, 撤销, 打印登记表, 审核记录, 提醒记录, 订阅截止提醒.
const api = require('../../utils/api');
const subscribe = require('../../utils/subscribe');
const validation = require('../../utils/validation');
const common = require('./common');

const REASON_MAX = 500;

function facts(filing) {
  const form = filing.form || {};
  const account = form.account || {};
  const rows = [
    { label: '公众号名称', value: account.name },
    { label: '微信号', value: account.wechatId },
    { label: '原始ID', value: account.originalId },
    { label: '账号类型', value: common.labelOf(common.ACCOUNT_TYPES, account.type) },
    { label: '备案类型', value: common.labelOf(common.FORM_TYPES, form.formType) },
  ];
  if (form.formType === 'UNIT' && form.unit) {
    rows.push({ label: '单位名称', value: form.unit.name });
    rows.push({ label: '统一社会信用代码', value: form.unit.creditCode });
  } else if (form.individual) {
    rows.push({ label: '姓名', value: form.individual.name });
  }
  rows.push({ label: '开通日期', value: account.openedOn });
  return rows.filter((r) => r.value);
}

Page({
  data: {
    id: null, loading: true, error: null, filing: null, facts: [], actions: {},
    busy: false, message: '', missing: [], conflict: false, revoking: false, reason: '', reasonError: '',
  },

  onLoad(query) {
    this.setData({ id: query && query.id });
    subscribe.preload();
    this.loaded = this.load();
  },

  onShow() {
    // back from the form or the materials: show what changed
    if (this.shown && this.data.id) this.load();
    this.shown = true;
  },

  load() {
    this.setData({ loading: !this.data.filing, error: null });
    return api.get('/api/mini/filings/' + this.data.id)
      .then((filing) => this.show(filing))
      .catch((error) => {
        this.setData({ loading: false });
        if (common.needsLogin(error)) common.goLogin();
        else this.setData({ error: { message: error.message, retryable: error.retryable } });
      });
  },

  show(filing) {
    this.setData({ loading: false, filing, facts: facts(filing), actions: common.actionsFor(filing) });
  },

  retry() {
    return this.load();
  },

  /** What a refused change means to the operator; the list of missing things when there is one. */
  fail(error) {
    this.setData({ busy: false });
    if (common.needsLogin(error)) {
      common.goLogin();
      return;
    }
    const missing = error.code === 'FILING_INCOMPLETE'
      ? (error.fieldErrors || []).map((e) => {
        const label = validation.labelOf(e.field);
        return { field: e.field, text: label ? label + '：' + e.message : e.message };
      })
      : [];
    this.setData({ message: error.message, missing, conflict: error.code === 'VERSION_CONFLICT' });
  },

  edit() {
    wx.navigateTo({ url: '/pages/form/form?id=' + this.data.id });
  },

  materials() {
    wx.navigateTo({ url: '/pages/materials/materials?id=' + this.data.id });
  },

  timeline() {
    wx.navigateTo({ url: '/pages/timeline/timeline?id=' + this.data.id });
  },

  notices() {
    wx.navigateTo({ url: '/pages/notices/notices?id=' + this.data.id });
  },

  /** 申请变更: the changed form goes with the request, so it is made on the form page. */
  change() {
    wx.navigateTo({ url: '/pages/form/form?id=' + this.data.id + '&mode=change' });
  },

  /** 提交: WeChat's subscribe dialog for the review result comes first, in the same tap (it refuses otherwise). */
  submit() {
    if (this.data.busy) return Promise.resolve();
    this.setData({ busy: true, message: '', missing: [], conflict: false });
    const asked = subscribe.ask(['REVIEW_RESULT']);
    return asked.then(() => api.post('/api/mini/filings/' + this.data.id + '/submit', { version: this.data.filing.version }))
      .then((filing) => {
        this.setData({ busy: false, message: '已提交，请等待审核' });
        this.show(filing);
        wx.showToast({ title: '已提交', icon: 'success' });
        return filing;
      })
      .catch((error) => this.fail(error));
  },

  remind() {
    return subscribe.ask(['REMINDER']).then((results) => {
      if (results) wx.showToast({ title: '已订阅截止提醒', icon: 'none' });
    });
  },

  startRevoke() {
    this.setData({ revoking: true, reason: '', reasonError: '' });
  },

  cancelRevoke() {
    this.setData({ revoking: false, reasonError: '' });
  },

  onReason(event) {
    this.setData({ reason: event.detail.value, reasonError: '' });
  },

  revoke() {
    const reason = (this.data.reason || '').trim();
    if (!reason) {
      this.setData({ reasonError: '请填写撤销原因，如 公众号已注销' });
      return Promise.resolve();
    }
    if (reason.length > REASON_MAX) {
      this.setData({ reasonError: '撤销原因不能超过' + REASON_MAX + '个字' });
      return Promise.resolve();
    }
    this.setData({ busy: true, message: '', missing: [] });
    return api.post('/api/mini/filings/' + this.data.id + '/revoke', { version: this.data.filing.version, reason })
      .then((filing) => {
        this.setData({ busy: false, revoking: false, message: '已撤销' });
        this.show(filing);
      })
      .catch((error) => this.fail(error));
  },

  print() {
    if (this.data.busy) return Promise.resolve();
    this.setData({ busy: true, message: '' });
    wx.showLoading({ title: '正在生成登记表' });
    return api.download('/api/mini/filings/' + this.data.id + '/form.pdf')
      .then((filePath) => new Promise((resolve, reject) => {
        wx.openDocument({
          filePath,
          fileType: 'pdf',
          showMenu: true,
          success: () => resolve(),
          fail: () => reject(new Error('无法打开登记表，请稍后重试')),
        });
      }))
      .then(() => {
        wx.hideLoading();
        this.setData({ busy: false });
      })
      .catch((error) => {
        wx.hideLoading();
        this.fail(error);
      });
  },
});
