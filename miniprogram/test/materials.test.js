const { loadPage, textOf, settle } = require('./support/page');
const session = require('../utils/session');

const BASE = '/api/mini/filings/42/materials';
const MB = 1024 * 1024;

function checklist(overrides) {
  const items = [
    { materialType: 'LICENCE', label: '营业执照（统一社会信用代码证）或组织机构代码证', uploaded: false, current: null, history: [] },
    { materialType: 'SIGNED_UNIT_FORM', label: '加盖公章并签字的表一扫描件', uploaded: false, current: null, history: [] },
  ];
  return Object.assign({ items, missing: ['LICENCE', 'SIGNED_UNIT_FORM'] }, overrides);
}

const uploadedLicence = {
  materialType: 'LICENCE', label: '营业执照（统一社会信用代码证）或组织机构代码证', uploaded: true,
  current: { id: 501, materialType: 'LICENCE', fileName: '营业执照.jpg', contentType: 'image/jpeg', size: 204800,
    sha256: 'ab', uploadedAt: '2026-03-02T09:15:30+08:00', current: true, purged: false },
  history: [],
};

function ticket(id, minutes) {
  return { ticketId: id, materialType: 'LICENCE', url: 'https://files.example.gov.cn/gzh-materials',
    fields: { key: 'u/' + id, policy: 'p-' + id, 'x-amz-signature': 's-' + id, 'Content-Type': 'image/jpeg' }, fileField: 'file',
    expiresAt: new Date(Date.now() + (minutes === undefined ? 10 : minutes) * 60000).toISOString(), maxBytes: 10 * MB };
}

const tap = (type) => ({ currentTarget: { dataset: { type } } });

function photo(path, size) {
  wx.chooseMedia = jest.fn((o) => o.success({ tempFiles: [{ tempFilePath: path, size, fileType: 'image' }] }));
}

async function open(list) {
  session.save({ accessToken: 'a', refreshToken: 'r', operatorId: 7 });
  wx.__server.on('GET', BASE, () => ({ statusCode: 200, data: list || checklist() }));
  const page = loadPage('materials/materials');
  page.onLoad({ id: '42' });
  await settle();
  return page;
}

function requests(method, pattern) {
  return wx.__server.calls.filter((c) => c.method === method && pattern.test(c.url));
}

describe('备案材料', () => {
  test('lists the checklist with each item state', async () => {
    const page = await open(checklist({ items: [uploadedLicence, checklist().items[1]], missing: ['SIGNED_UNIT_FORM'] }));
    const text = textOf(page);
    expect(text).toContain('还需上传 1 项材料');
    expect(text).toContain('营业执照（统一社会信用代码证）或组织机构代码证');
    expect(text).toContain('已上传');
    expect(text).toContain('营业执照.jpg');
    expect(text).toContain('200 KB');
    expect(text).toContain('2026-03-02 09:15');
    expect(text).toContain('未上传');
    expect(text).toContain('重新拍照/选图');
  });

  test('a photo goes ticket → storage (url, fields, name file) → progress → confirm', async () => {
    const page = await open();
    photo('http://tmp/licence.jpg', 2 * MB);
    wx.requirePrivacyAuthorize = jest.fn((o) => o.success());
    let release;
    wx.__server.on('POST', BASE + '/uploads', () => ({ statusCode: 201, data: ticket('t1') }))
      .on('UPLOAD', /files\.example\.gov\.cn/, () => new Promise((resolve) => {
        release = () => resolve({ statusCode: 204, data: '' });
      }))
      .on('POST', BASE + '/uploads/t1/confirm', () => ({ statusCode: 200, data: uploadedLicence.current }));
    const done = page.choosePhoto(tap('LICENCE'));
    await settle();
    expect(wx.requirePrivacyAuthorize).toHaveBeenCalled();
    expect(wx.chooseMedia.mock.calls[0][0]).toMatchObject({ mediaType: ['image'], sourceType: ['camera', 'album'] });
    const [ticketRequest] = requests('POST', /\/uploads$/);
    expect(ticketRequest.data).toEqual({ materialType: 'LICENCE', fileName: '营业执照（统一社会信用代码证）或组织机构代码证.jpg',
      contentType: 'image/jpeg', size: 2 * MB });
    const [sent] = wx.__server.uploads;
    expect(sent).toMatchObject({ url: 'https://files.example.gov.cn/gzh-materials', name: 'file', filePath: 'http://tmp/licence.jpg' });
    expect(sent.formData).toEqual(ticket('t1').fields);
    expect(textOf(page)).toContain('上传中 100%');
    wx.__server.on('GET', BASE, () => ({ statusCode: 200, data: checklist({ items: [uploadedLicence], missing: [] }) }));
    release();
    await done;
    expect(requests('POST', /\/uploads\/t1\/confirm$/)).toHaveLength(1);
    expect(textOf(page)).toContain('材料已齐全');
    expect(textOf(page)).not.toContain('上传中');
  });
});
