const { loadPage, textOf, settle } = require('./support/page');
const { loggedIn, filing, ok, error } = require('./support/filings');

const BUTTONS = ['提交', '编辑', '材料', '申请变更', '打印登记表', '订阅截止提醒', '审核记录', '提醒记录', '撤销'];

async function open(answer) {
  loggedIn();
  wx.__server.on('GET', '/api/mini/filings/1', () => ok(answer));
  const page = loadPage('filing/filing');
  page.onLoad({ id: '1' });
  await settle();
  return page;
}

/** The action buttons on screen, by their text. */
function buttons(page) {
  const { render } = require('./support/page');
  return Array.from(render(page).dom.querySelectorAll('.actions wx-button')).map((b) => b.textContent.trim());
}

function navigations() {
  return wx.__server.calls.filter((c) => c.method === 'navigateTo').map((c) => c.options.url);
}

function subscriptions(templates) {
  wx.__server.on('GET', '/api/mini/subscriptions/templates', () => ok({ templates }))
    .on('POST', '/api/mini/subscriptions', () => ok({}));
  wx.requestSubscribeMessage = jest.fn((options) => options.success(Object.fromEntries(options.tmplIds.map((id) => [id, 'accept']))));
}

describe('备案详情', () => {
  test('a draft: facts, due date and the draft actions', async () => {
    const page = await open(filing());
    const text = textOf(page);
    expect(text).toContain('睢县发布');
    expect(text).toContain('草稿');
    expect(text).toContain('截止日期：2016-08-10');
    expect(text).toContain('已逾期');
    expect(text).toContain('睢县融媒体中心');
    expect(buttons(page)).toEqual(['提交', '编辑', '材料', '打印登记表', '订阅截止提醒', '审核记录', '提醒记录', '撤销']);
  });

  test('sent back: the rejection reason, and it can be edited and submitted again', async () => {
    const page = await open(filing({ status: 'REJECTED', statusLabel: '已退回', rejectionReason: '负责人身份证影像不清晰' }));
    expect(textOf(page)).toContain('退回原因：负责人身份证影像不清晰');
    expect(buttons(page)).toEqual(expect.arrayContaining(['提交', '编辑', '订阅截止提醒']));
    page.edit();
    expect(navigations()).toEqual(['/pages/form/form?id=1']);
  });

  test('waiting for review: no edit, no submit, no deadline', async () => {
    const page = await open(filing({ status: 'SUBMITTED', statusLabel: '待审核', overdue: false }));
    expect(buttons(page)).toEqual(['材料', '打印登记表', '审核记录', '提醒记录', '撤销']);
    expect(textOf(page)).not.toContain('截止日期');
  });

  test('approved: the filing number and 申请变更, which opens the form for the change', async () => {
    const page = await open(filing({ status: 'APPROVED', statusLabel: '已备案', filingNumber: '411422-2026-00042', overdue: false }));
    expect(textOf(page)).toContain('备案编号：411422-2026-00042');
    expect(buttons(page)).toEqual(['材料', '申请变更', '打印登记表', '审核记录', '提醒记录', '撤销']);
    page.change();
    expect(navigations()).toEqual(['/pages/form/form?id=1&mode=change']);
  });

  test('revoked: only the records remain, with the reason', async () => {
    const page = await open(filing({ status: 'REVOKED', statusLabel: '已撤销', revocationReason: '公众号已注销', overdue: false }));
    expect(buttons(page)).toEqual(['审核记录', '提醒记录']);
    expect(textOf(page)).toContain('撤销原因：公众号已注销');
  });

  test('审核记录, 提醒记录 and 材料 open their pages for this filing', async () => {
    const page = await open(filing());
    page.timeline();
    page.notices();
    page.materials();
    expect(navigations()).toEqual(['/pages/timeline/timeline?id=1', '/pages/notices/notices?id=1', '/pages/materials/materials?id=1']);
  });

  test('提交 sends the version read, shows the new status and asks for the review-result subscription', async () => {
    const page = await open(filing());
    subscriptions({ REVIEW_RESULT: 'tmpl-review', REMINDER: 'tmpl-remind' });
    let sent = null;
    wx.__server.on('POST', '/api/mini/filings/1/submit', (req) => {
      sent = req.data;
      return ok(filing({ status: 'SUBMITTED', statusLabel: '待审核', version: 4, overdue: false }));
    });
    const order = [];
    const request = wx.requestSubscribeMessage;
    wx.requestSubscribeMessage = jest.fn((options) => {
      order.push('dialog');
      return request(options);
    });
    const post = wx.request;
    wx.request = (options) => {
      if (/submit$/.test(options.url)) order.push('submit');
      return post(options);
    };
    await page.submit();
    await settle();
    expect(order).toEqual(['dialog', 'submit']);
    expect(sent).toEqual({ version: 3 });
    expect(wx.requestSubscribeMessage).toHaveBeenCalledTimes(1);
    expect(wx.requestSubscribeMessage.mock.calls[0][0].tmplIds).toEqual(['tmpl-review']);
    expect(textOf(page)).toContain('待审核');
    expect(buttons(page)).not.toContain('提交');
  });

  test('a submission refused as incomplete lists every missing field and material (the dialog came first, in the tap)', async () => {
    const page = await open(filing());
    subscriptions({ REVIEW_RESULT: 'tmpl-review' });
    wx.__server.on('POST', '/api/mini/filings/1/submit', () => error(400, 'FILING_INCOMPLETE', '登记备案表尚未填写完整', [
      { field: 'unit.administrator.position', message: '提交前必须填写' },
      { field: 'materials.ID_CARD', message: '请上传：身份证复印件' },
    ]));
    await page.submit();
    const text = textOf(page);
    expect(text).toContain('登记备案表尚未填写完整');
    expect(text).toContain('管理员职务：提交前必须填写');
    expect(text).toContain('请上传：身份证复印件');
    // WeChat shows the subscribe dialog only straight from a tap, so it is asked before the answer is known
    expect(wx.requestSubscribeMessage).toHaveBeenCalledTimes(1);
  });

  test('打印登记表 downloads the form with the token and opens it as a PDF', async () => {
    const page = await open(filing());
    wx.__server.on('DOWNLOAD', '/api/mini/filings/1/form.pdf', () => ({ statusCode: 200, tempFilePath: 'wxfile://tmp/form.pdf' }));
    wx.openDocument = jest.fn((options) => options.success());
    await page.print();
    const download = wx.__server.calls.find((c) => c.method === 'DOWNLOAD');
    expect(download.url).toMatch(/\/api\/mini\/filings\/1\/form\.pdf$/);
    expect(download.header.Authorization).toBe('Bearer access');
    expect(wx.openDocument).toHaveBeenCalledWith(expect.objectContaining({ filePath: 'wxfile://tmp/form.pdf', fileType: 'pdf', showMenu: true }));
    expect(page.data.busy).toBe(false);
  });

  test('订阅截止提醒 asks for the reminder template', async () => {
    const page = await open(filing());
    subscriptions({ REVIEW_RESULT: 'tmpl-review', REMINDER: 'tmpl-remind' });
    await page.remind();
    expect(wx.requestSubscribeMessage.mock.calls[0][0].tmplIds).toEqual(['tmpl-remind']);
  });

  test('撤销 needs a reason, then sends it with the version', async () => {
    const page = await open(filing({ status: 'APPROVED', statusLabel: '已备案', filingNumber: '411422-2026-00042' }));
    let sent = null;
    wx.__server.on('POST', '/api/mini/filings/1/revoke', (req) => {
      sent = req.data;
      return ok(filing({ status: 'REVOKED', statusLabel: '已撤销', revocationReason: req.data.reason, version: 4 }));
    });
    page.startRevoke();
    await page.revoke();
    expect(textOf(page)).toContain('请填写撤销原因');
    expect(sent).toBeNull();
    page.onReason({ detail: { value: ' 公众号已注销 ' } });
    await page.revoke();
    expect(sent).toEqual({ version: 3, reason: '公众号已注销' });
    expect(textOf(page)).toContain('已撤销');
    expect(buttons(page)).toEqual(['审核记录', '提醒记录']);
  });

  test('a version conflict says to reload and offers 刷新', async () => {
    const page = await open(filing());
    wx.__server.on('POST', '/api/mini/filings/1/submit', () => error(409, 'VERSION_CONFLICT', '版本冲突'));
    await page.submit();
    expect(textOf(page)).toContain('备案已在别处修改，请刷新后再改');
    expect(textOf(page)).toContain('刷新');
  });
});
