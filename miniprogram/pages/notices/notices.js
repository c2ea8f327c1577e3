// 提醒与通知 (?id=filingId): every reminder and review-result notice of this filing, newest first —
// when, what kind (rule), the text, its status (待发送 / 已发出 / 已取消), the WeChat channels it went
// through, and whether its inbox item was read. While the filing still has to be handed in, a hint with
// its deadline offers 订阅截止提醒 (subscribe message opt-in).
const api = require('../../utils/api');
const display = require('../../utils/display');
const subscribe = require('../../utils/subscribe');

const STATUS_CLASS = { SENT: 'ok', PENDING: '', CANCELLED: 'muted-badge' };
const STILL_DUE = new Set(['DRAFT', 'REJECTED']);

function noticeView(notice) {
  let when = '';
  if (notice.status === 'SENT' && notice.sentAt) when = display.time(notice.sentAt);
  else if (notice.status === 'PENDING' && notice.sendAt) when = '计划 ' + display.time(notice.sendAt) + ' 发送';
  else if (notice.status === 'CANCELLED' && notice.cancelledAt) when = display.time(notice.cancelledAt) + ' 取消';
  else when = display.time(notice.createdAt);
  let read = '';
  if (notice.inboxAt) read = notice.readAt ? '已读' : '未读';
  return {
    id: notice.id,
    when,
    kind: [notice.kindLabel, notice.ruleLabel].filter(Boolean).join(' · '),
    title: notice.title || '',
    body: notice.body || '',
    status: notice.status,
    statusLabel: notice.statusLabel || notice.status,
    statusClass: STATUS_CLASS[notice.status] || '',
    read,
    channels: (notice.channels || []).map((c) => ({
      key: c.channel,
      text: (c.channelLabel || c.channel) + '：' + (c.statusLabel || c.status),
      failed: c.status === 'FAILED',
    })),
  };
}

Page({
  data: { filingId: null, loading: true, error: null, notices: [], deadline: null },

  onLoad(query) {
    subscribe.preload();
    this.setData({ filingId: query && query.id });
    return this.load();
  },

  onPullDownRefresh() {
    return this.load().then(() => wx.stopPullDownRefresh());
  },

  load() {
    this.setData({ error: null });
    const base = '/api/mini/filings/' + this.data.filingId;
    // the deadline hint is a nicety: the history shows even when the filing cannot be read
    const filing = api.get(base).catch(() => null);
    return Promise.all([api.get(base + '/notices'), filing])
      .then(([notices, found]) => {
        this.setData({ loading: false, notices: (notices || []).map(noticeView), deadline: this.deadlineOf(found) });
      })
      .catch((error) => this.setData({ loading: false, error: { message: error.message, retryable: error.retryable } }));
  },

  deadlineOf(filing) {
    if (!filing || !STILL_DUE.has(filing.status)) return null;
    let text = '订阅后，备案截止前会通过微信提醒您';
    if (filing.overdue) text = '已超过备案截止日期' + (filing.dueOn ? '（' + filing.dueOn + '）' : '') + '，请尽快完成备案';
    else if (filing.dueOn) text = '请在 ' + filing.dueOn + ' 前完成备案，订阅后截止前会通过微信提醒您';
    return { text, overdue: !!filing.overdue };
  },

  retry() {
    this.setData({ loading: true });
    return this.load();
  },

  subscribeReminder() {
    return subscribe.ask(['REMINDER']).then((results) => {
      const accepted = results && Object.keys(results).some((id) => results[id] === 'accept');
      if (accepted) wx.showToast({ title: '已订阅截止提醒', icon: 'success' });
      return results;
    });
  },
});
