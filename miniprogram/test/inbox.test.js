const { loadPage, textOf, settle, render } = require('./support/page');
const session = require('../utils/session');

function item(id, read) {
  return { id, sourceType: id % 2 ? 'POLICY' : 'REVIEW_RESULT', title: '消息' + id, summary: '摘要' + id,
    receivedAt: '2026-03-0' + ((id % 9) + 1) + 'T09:00:00+08:00', readAt: read ? '2026-03-10T10:00:00+08:00' : null };
}

function pageOf(ids, total, unread, readIds) {
  return { items: ids.map((id) => item(id, (readIds || []).includes(id))), total, unread, page: 1, size: 20 };
}

function range(from, to) {
  const out = [];
  for (let i = from; i >= to; i -= 1) out.push(i);
  return out;
}

async function open(answer) {
  session.save({ accessToken: 'a', refreshToken: 'r', operatorId: 7 });
  wx.__server.on('GET', /\/api\/mini\/inbox\?page=1&/, () => ({ statusCode: 200, data: answer }));
  const page = loadPage('inbox/inbox');
  if (page.onLoad) page.onLoad({});
  await page.onShow();
  return page;
}

describe('消息', () => {
  test('lists the items newest first with the unread ones marked and counted', async () => {
    const page = await open(pageOf([3, 2, 1], 3, 2, [2]));
    const dom = render(page).dom;
    const text = textOf(page);
    expect(text).toContain('共 3 条，2 条未读');
    expect(text.indexOf('消息3')).toBeLessThan(text.indexOf('消息1'));
    expect(text).toContain('政策通知 · 2026-03-04 09:00');
    expect(text).toContain('审核结果');
    expect(dom.querySelectorAll('.unread')).toHaveLength(2);
    expect(Array.from(dom.querySelectorAll('.unread .item-title')).map((t) => t.textContent)).toEqual(['消息3', '消息1']);
    expect(wx.__server.calls.find((c) => c.method === 'setTabBarBadge').options).toMatchObject({ index: 2, text: '2' });
  });

  test('loads the next page on reaching the bottom, until all are shown', async () => {
    const page = await open(pageOf(range(45, 26), 45, 45));
    expect(page.data.items).toHaveLength(20);
    wx.__server.on('GET', /\/api\/mini\/inbox\?page=2&size=20$/, () => ({ statusCode: 200, data: pageOf(range(25, 6), 45, 45) }))
      .on('GET', /\/api\/mini\/inbox\?page=3&size=20$/, () => ({ statusCode: 200, data: pageOf(range(5, 1), 45, 45) }));
    await page.onReachBottom();
    expect(page.data.items).toHaveLength(40);
    expect(textOf(page)).toContain('消息6');
    await page.onReachBottom();
    expect(page.data.items).toHaveLength(45);
    expect(textOf(page)).toContain('没有更多了');
    const before = wx.__server.calls.length;
    await page.onReachBottom();
    expect(wx.__server.calls.length).toBe(before);
  });

  test('an item already shown is not shown twice when new messages shift the pages', async () => {
    const page = await open(pageOf(range(40, 21), 40, 0));
    wx.__server.on('GET', /\/api\/mini\/inbox\?page=2&/, () => ({ statusCode: 200, data: pageOf(range(21, 2), 41, 1) }));
    await page.onReachBottom();
    const ids = page.data.items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(39);
  });

  test('a failed next page offers 重试 and keeps the list', async () => {
    const page = await open(pageOf(range(30, 11), 30, 0));
    wx.__server.on('GET', /\/api\/mini\/inbox\?page=2&/, () => ({ fail: { errMsg: 'request:fail' } }));
    await page.onReachBottom();
    expect(textOf(page)).toContain('网络连接失败');
    expect(page.data.items).toHaveLength(20);
    wx.__server.on('GET', /\/api\/mini\/inbox\?page=2&/, () => ({ statusCode: 200, data: pageOf(range(10, 1), 30, 0) }));
    await page.loadMore();
    expect(page.data.items).toHaveLength(30);
  });

  test('showing the tab again reloads: an item read in its detail is no longer unread', async () => {
    const page = await open(pageOf([2, 1], 2, 2));
    expect(page.data.unread).toBe(2);
    wx.__server.on('GET', /\/api\/mini\/inbox\?page=1&/, () => ({ statusCode: 200, data: pageOf([2, 1], 2, 1, [2]) }));
    await page.onShow();
    expect(textOf(page)).toContain('共 2 条，1 条未读');
    expect(page.data.items.find((i) => i.id === 2).unread).toBe(false);
  });

  test('tapping an item opens its detail; an empty inbox says so', async () => {
    const page = await open(pageOf([], 0, 0));
    expect(textOf(page)).toContain('暂无消息');
    expect(wx.__server.calls.some((c) => c.method === 'removeTabBarBadge')).toBe(true);
    wx.navigateTo = jest.fn();
    page.open({ currentTarget: { dataset: { id: 9 } } });
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/inbox/detail?id=9' });
  });

  test('订阅政策通知 asks for the POLICY template and reports the answers', async () => {
    const page = await open(pageOf([1], 1, 1));
    expect(textOf(page)).toContain('订阅政策通知');
    wx.__server.on('GET', '/api/mini/subscriptions/templates', () => ({ statusCode: 200,
      data: { templates: { POLICY: 'tpl-policy', REMINDER: 'tpl-reminder', REVIEW_RESULT: 'tpl-result' } } }))
      .on('POST', '/api/mini/subscriptions', () => ({ statusCode: 201, data: { accepted: 1 } }));
    wx.requestSubscribeMessage = jest.fn((o) => o.success({ errMsg: 'requestSubscribeMessage:ok', 'tpl-policy': 'accept' }));
    wx.showToast = jest.fn();
    await page.subscribePolicy();
    expect(wx.requestSubscribeMessage.mock.calls[0][0].tmplIds).toEqual(['tpl-policy']);
    const report = wx.__server.calls.find((c) => c.method === 'POST' && c.url.endsWith('/api/mini/subscriptions'));
    expect(report.data).toEqual({ results: { 'tpl-policy': 'accept' } });
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已订阅政策通知' }));
  });
});

describe('消息详情', () => {
  const detail = {
    id: 9, sourceType: 'POLICY', title: '关于做好公众号备案工作的通知', summary: '请于3月底前完成备案',
    receivedAt: '2026-03-01T09:00:00+08:00', readAt: '2026-03-10T10:00:00+08:00',
    bodyHtml: '<p>各公众号运营者：</p><p>请于<strong>3月31日</strong>前完成备案。</p>',
    attachments: [
      { id: 31, fileName: '备案须知.pdf', contentType: 'application/pdf', sizeBytes: 250000 },
      { id: 32, fileName: '流程图.png', contentType: 'image/png', sizeBytes: 80000 },
    ],
  };

  async function openDetail(answer) {
    session.save({ accessToken: 'a', refreshToken: 'r', operatorId: 7 });
    wx.__server.on('GET', '/api/mini/inbox/9', () => answer);
    const page = loadPage('inbox/detail');
    page.onLoad({ id: '9' });
    await settle();
    return page;
  }

  test('opening it fetches the item (which marks it read) and shows the rich text and attachments', async () => {
    const page = await openDetail({ statusCode: 200, data: detail });
    expect(wx.__server.calls.filter((c) => c.method === 'GET' && c.url.endsWith('/api/mini/inbox/9'))).toHaveLength(1);
    const text = textOf(page);
    expect(text).toContain('关于做好公众号备案工作的通知');
    expect(text).toContain('政策通知 · 2026-03-01 09:00');
    expect(text).toContain('备案须知.pdf');
    expect(text).toContain('244 KB');
    expect(text).toContain('流程图.png');
    expect(page.data.bodyHtml).toBe(detail.bodyHtml);
    const wxml = require('fs').readFileSync(require('path').join(__dirname, '..', 'pages', 'inbox', 'detail.wxml'), 'utf8');
    expect(wxml).toMatch(/<rich-text[^>]*nodes="\{\{bodyHtml\}\}"/);
  });

  test('an attachment: short-lived link → downloaded without the token → openDocument', async () => {
    const page = await openDetail({ statusCode: 200, data: detail });
    wx.__server.on('GET', '/api/mini/inbox/9/attachments/31', () => ({ statusCode: 200,
      data: { url: 'https://files.example.gov.cn/p/abc?X-Amz-Signature=sig', validSeconds: 300 } }))
      .on('DOWNLOAD', /files\.example\.gov\.cn\/p\/abc/, () => ({ statusCode: 200, tempFilePath: 'http://tmp/31.pdf' }));
    wx.openDocument = jest.fn();
    await page.openAttachment({ currentTarget: { dataset: { id: 31 } } });
    const download = wx.__server.calls.find((c) => c.method === 'DOWNLOAD');
    expect(download.url).toBe('https://files.example.gov.cn/p/abc?X-Amz-Signature=sig');
    expect(download.header.Authorization).toBeUndefined();
    expect(wx.openDocument).toHaveBeenCalledWith(expect.objectContaining({ filePath: 'http://tmp/31.pdf', fileType: 'pdf' }));
  });

  test('an image attachment is previewed; an expired link says so', async () => {
    const page = await openDetail({ statusCode: 200, data: detail });
    wx.__server.on('GET', '/api/mini/inbox/9/attachments/32', () => ({ statusCode: 200, data: { url: 'https://files.example.gov.cn/p/img', validSeconds: 300 } }))
      .on('DOWNLOAD', /\/p\/img$/, () => ({ statusCode: 200, tempFilePath: 'http://tmp/32.png' }));
    wx.previewImage = jest.fn();
    await page.openAttachment({ currentTarget: { dataset: { id: 32 } } });
    expect(wx.previewImage).toHaveBeenCalledWith(expect.objectContaining({ urls: ['http://tmp/32.png'] }));
    wx.__server.on('DOWNLOAD', /\/p\/img$/, () => ({ statusCode: 403 }));
    wx.showToast = jest.fn();
    await page.openAttachment({ currentTarget: { dataset: { id: 32 } } });
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '下载链接已失效，请再点一次' }));
  });

  test('INBOX_ITEM_NOT_FOUND is shown in Chinese', async () => {
    const page = await openDetail({ statusCode: 404, data: { code: 'INBOX_ITEM_NOT_FOUND', message: '消息不存在' } });
    expect(textOf(page)).toContain('消息不存在或已被删除');
    expect(textOf(page)).not.toContain('重试');
  });
});
