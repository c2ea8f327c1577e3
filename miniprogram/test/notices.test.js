const { loadPage, textOf, settle, render } = require('./support/page');
const session = require('../utils/session');

const reviewResult = {
  id: 12, kind: 'REVIEW_RESULT', kindLabel: '审核结果', rule: 'REJECTED', ruleLabel: '退回', step: null,
  title: '备案被退回', body: '您的备案被退回：营业执照照片不清晰', status: 'SENT', statusLabel: '已发出',
  createdAt: '2026-03-03T14:30:00+08:00', sendAt: '2026-03-03T14:30:00+08:00', sentAt: '2026-03-03T14:30:05+08:00',
  cancelledAt: null, inboxAt: '2026-03-03T14:30:05+08:00', readAt: '2026-03-03T15:00:00+08:00',
  channels: [
    { channel: 'SUBSCRIBE', channelLabel: '订阅消息', status: 'SENT', statusLabel: '已发送', sentAt: '2026-03-03T14:30:06+08:00', errorCode: null },
    { channel: 'TEMPLATE', channelLabel: '模板消息', status: 'FAILED', statusLabel: '发送失败', sentAt: null, errorCode: '43004' },
  ],
};
const pendingReminder = {
  id: 13, kind: 'REMINDER', kindLabel: '提醒', rule: 'CAMPAIGN_DEADLINE', ruleLabel: '集中登记截止提醒', step: 1,
  title: '备案即将截止', body: '距截止还有1天', status: 'PENDING', statusLabel: '待发送',
  createdAt: '2026-03-30T23:00:00+08:00', sendAt: '2026-03-31T08:00:00+08:00', sentAt: null, cancelledAt: null,
  inboxAt: null, readAt: null, channels: [],
};
const cancelledReminder = Object.assign({}, pendingReminder, { id: 11, status: 'CANCELLED', statusLabel: '已取消',
  cancelledAt: '2026-03-02T09:15:00+08:00', title: '备案截止提醒（已取消）' });
const unreadReminder = Object.assign({}, pendingReminder, { id: 14, rule: 'REJECTED_IDLE', ruleLabel: '退回后未重新提交提醒',
  title: '请尽快重新提交', status: 'SENT', statusLabel: '已发出', sentAt: '2026-03-06T08:00:00+08:00',
  inboxAt: '2026-03-06T08:00:00+08:00', readAt: null,
  channels: [{ channel: 'SUBSCRIBE', channelLabel: '订阅消息', status: 'QUEUED', statusLabel: '排队中', sentAt: null, errorCode: null }] });

async function open(notices, filing) {
  session.save({ accessToken: 'a', refreshToken: 'r', operatorId: 7 });
  wx.__server.on('GET', '/api/mini/filings/42/notices', () => ({ statusCode: 200, data: notices }))
    .on('GET', '/api/mini/filings/42', () => (filing ? { statusCode: 200, data: filing } : { statusCode: 404, data: { code: 'FILING_NOT_FOUND' } }));
  const page = loadPage('notices/notices');
  page.onLoad({ id: '42' });
  await settle();
  return page;
}

describe('提醒与通知', () => {
  test('shows each notice: time, kind and rule, title, body, status, channels, read or unread', async () => {
    const page = await open([unreadReminder, reviewResult], { id: 42, status: 'SUBMITTED', dueOn: '2026-04-01', overdue: false });
    const text = textOf(page);
    expect(text).toContain('2026-03-03 14:30');
    expect(text).toContain('审核结果 · 退回');
    expect(text).toContain('备案被退回');
    expect(text).toContain('您的备案被退回：营业执照照片不清晰');
    expect(text).toContain('已发出');
    expect(text).toContain('订阅消息：已发送');
    expect(text).toContain('模板消息：发送失败');
    expect(text).toContain('站内消息：已读');
    expect(text).toContain('提醒 · 退回后未重新提交提醒');
    expect(text).toContain('站内消息：未读');
    expect(text).toContain('订阅消息：排队中');
    expect(text).not.toContain('43004');
    expect(render(page).dom.querySelectorAll('.channel.failed')).toHaveLength(1);
    // a filing under review has nothing left to hand in: no deadline hint
    expect(text).not.toContain('订阅截止提醒');
  });

  test('pending and cancelled notices show when they will go or were cancelled', async () => {
    const page = await open([pendingReminder, cancelledReminder], null);
    const text = textOf(page);
    expect(text).toContain('待发送');
    expect(text).toContain('计划 2026-03-31 08:00 发送');
    expect(text).toContain('已取消');
    expect(text).toContain('2026-03-02 09:15 取消');
    expect(text).not.toContain('站内消息');
  });

  test('no notices: 暂无提醒或通知', async () => {
    const page = await open([], null);
    expect(textOf(page)).toContain('暂无提醒或通知');
  });

  test('a draft shows its deadline with 订阅截止提醒, which asks for the REMINDER template and reports the answers', async () => {
    const page = await open([], { id: 42, status: 'DRAFT', dueOn: '2026-04-01', overdue: false });
    expect(textOf(page)).toContain('请在 2026-04-01 前完成备案');
    expect(textOf(page)).toContain('订阅截止提醒');
    wx.__server.on('GET', '/api/mini/subscriptions/templates', () => ({ statusCode: 200,
      data: { templates: { POLICY: 'tpl-policy', REMINDER: 'tpl-reminder' } } }))
      .on('POST', '/api/mini/subscriptions', () => ({ statusCode: 201, data: { accepted: 0 } }));
    wx.requestSubscribeMessage = jest.fn((o) => o.success({ errMsg: 'requestSubscribeMessage:ok', 'tpl-reminder': 'reject' }));
    const results = await page.subscribeReminder();
    expect(wx.requestSubscribeMessage.mock.calls[0][0].tmplIds).toEqual(['tpl-reminder']);
    const report = wx.__server.calls.find((c) => c.method === 'POST' && c.url.endsWith('/api/mini/subscriptions'));
    expect(report.data).toEqual({ results: { 'tpl-reminder': 'reject' } });
    expect(results).toEqual({ 'tpl-reminder': 'reject' });
  });

  test('an overdue filing says so', async () => {
    const page = await open([], { id: 42, status: 'REJECTED', dueOn: '2026-03-01', overdue: true });
    expect(textOf(page)).toContain('已超过备案截止日期（2026-03-01），请尽快完成备案');
    expect(render(page).dom.querySelectorAll('.deadline.overdue')).toHaveLength(1);
  });

  test("someone else's filing answers FILING_NOT_FOUND, shown without 重试", async () => {
    session.save({ accessToken: 'a', refreshToken: 'r', operatorId: 7 });
    wx.__server.on('GET', /\/api\/mini\/filings\/42(\/notices)?$/, () => ({ statusCode: 404, data: { code: 'FILING_NOT_FOUND', message: '备案不存在' } }));
    const page = loadPage('notices/notices');
    page.onLoad({ id: '42' });
    await settle();
    expect(textOf(page)).toContain('备案不存在');
    expect(textOf(page)).not.toContain('重试');
  });
});
