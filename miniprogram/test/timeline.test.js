const { loadPage, textOf, settle, render } = require('./support/page');
const session = require('../utils/session');

function filing(overrides) {
  return Object.assign({
    id: 42, status: 'REJECTED', statusLabel: '已退回', version: 3, filingNumber: null, dueOn: '2026-04-01', overdue: false,
    form: { formType: 'UNIT', account: { name: '睢县发布' } }, rejectionReason: '营业执照照片不清晰，请重新拍摄', revocationReason: null,
    history: [
      { from: null, to: 'DRAFT', actorType: 'OPERATOR', reason: null, at: '2026-03-01T08:00:00+08:00' },
      { from: 'DRAFT', to: 'SUBMITTED', actorType: 'OPERATOR', reason: null, at: '2026-03-02T09:15:00+08:00' },
      { from: 'SUBMITTED', to: 'REJECTED', actorType: 'STAFF', reason: '营业执照照片不清晰，请重新拍摄', at: '2026-03-03T14:30:00+08:00' },
    ],
  }, overrides);
}

async function open(data) {
  session.save({ accessToken: 'a', refreshToken: 'r', operatorId: 7 });
  wx.__server.on('GET', '/api/mini/filings/42', () => ({ statusCode: 200, data }));
  const page = loadPage('timeline/timeline');
  page.onLoad({ id: '42' });
  await settle();
  return page;
}

describe('审核进度', () => {
  test('shows each step newest first: what, from → to, who, when', async () => {
    const page = await open(filing());
    const text = textOf(page);
    expect(text).toContain('睢县发布');
    expect(text).toContain('当前状态：已退回');
    const order = ['退回修改', '提交审核', '创建备案'].map((label) => text.indexOf(label));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(text).toContain('待审核 → 已退回 · 操作方：网信办');
    expect(text).toContain('草稿 → 待审核 · 操作方：本人');
    expect(text).toContain('2026-03-03 14:30');
  });

  test('a rejection reason is highlighted, at the top and at its step', async () => {
    const page = await open(filing());
    const dom = render(page).dom;
    const boxes = Array.from(dom.querySelectorAll('.reason-box')).map((b) => b.textContent.trim());
    expect(boxes).toEqual(['退回原因：营业执照照片不清晰，请重新拍摄', '退回原因：营业执照照片不清晰，请重新拍摄']);
    expect(dom.querySelectorAll('.entry-warn')).toHaveLength(1);
  });

  test('an approved filing after a change request: number, resubmission and approval, no stale reason', async () => {
    const page = await open(filing({ status: 'APPROVED', statusLabel: '已备案', filingNumber: '411422-2026-00042',
      rejectionReason: '旧原因', history: filing().history.concat([
        { from: 'REJECTED', to: 'SUBMITTED', actorType: 'OPERATOR', reason: null, at: '2026-03-04T10:00:00+08:00' },
        { from: 'SUBMITTED', to: 'APPROVED', actorType: 'STAFF', reason: null, at: '2026-03-05T10:00:00+08:00' },
        { from: 'APPROVED', to: 'SUBMITTED', actorType: 'OPERATOR', reason: null, at: '2026-03-06T10:00:00+08:00' },
      ]) }));
    const text = textOf(page);
    expect(text).toContain('备案编号：411422-2026-00042');
    expect(text).toContain('审核通过');
    expect(text).toContain('修改后重新提交');
    expect(text).toContain('申请变更备案信息');
    expect(text).not.toContain('退回原因：旧原因');
  });

  test('a revocation by the office shows its reason; a failure offers 重试', async () => {
    session.save({ accessToken: 'a', refreshToken: 'r', operatorId: 7 });
    wx.__server.on('GET', '/api/mini/filings/42', () => ({ statusCode: 404, data: { code: 'FILING_NOT_FOUND', message: '备案不存在' } }));
    const missing = loadPage('timeline/timeline');
    missing.onLoad({ id: '42' });
    await settle();
    expect(textOf(missing)).toContain('备案不存在');
    expect(textOf(missing)).not.toContain('重试');

    const page = await open(filing({ status: 'REVOKED', statusLabel: '已撤销', revocationReason: '账号已注销',
      history: [{ from: 'APPROVED', to: 'REVOKED', actorType: 'STAFF', reason: '账号已注销', at: '2026-05-01T10:00:00+08:00' }] }));
    expect(textOf(page)).toContain('撤销原因：账号已注销');
    expect(textOf(page)).toContain('撤销备案');
  });
});
