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

  test('a network failure on the storage upload shows the message; 重试 uploads again with the same ticket', async () => {
    const page = await open();
    photo('http://tmp/licence.png', 300 * 1024);
    let uploads = 0;
    wx.__server.on('POST', BASE + '/uploads', () => ({ statusCode: 201, data: ticket('t2') }))
      .on('UPLOAD', /files\.example/, () => {
        uploads += 1;
        return uploads === 1 ? { fail: { errMsg: 'uploadFile:fail' } } : { statusCode: 204, data: '' };
      })
      .on('POST', BASE + '/uploads/t2/confirm', () => ({ statusCode: 200, data: uploadedLicence.current }));
    await page.choosePhoto(tap('LICENCE'));
    expect(textOf(page)).toContain('网络连接失败，请检查网络后重试');
    expect(textOf(page)).toContain('重试');
    expect(requests('POST', /\/confirm$/)).toHaveLength(0);
    wx.__server.on('GET', BASE, () => ({ statusCode: 200, data: checklist({ items: [uploadedLicence], missing: [] }) }));
    await page.retry(tap('LICENCE'));
    expect(requests('POST', /\/uploads$/)).toHaveLength(1);
    expect(wx.__server.uploads).toHaveLength(2);
    expect(wx.__server.uploads[1].formData.key).toBe('u/t2');
    expect(requests('POST', /\/uploads\/t2\/confirm$/)).toHaveLength(1);
    expect(textOf(page)).not.toContain('网络连接失败');
    expect(textOf(page)).toContain('已上传');
  });

  test('重试 after the ticket ran out asks for a new ticket first', async () => {
    const page = await open();
    photo('http://tmp/licence.jpg', 1024);
    let tickets = 0;
    wx.__server.on('POST', BASE + '/uploads', () => {
      tickets += 1;
      return { statusCode: 201, data: tickets === 1 ? ticket('old', -1) : ticket('new') };
    }).on('UPLOAD', /files\.example/, (req) => (req.formData.key === 'u/old'
      ? { statusCode: 403, data: '<Error><Code>AccessDenied</Code><Message>Policy expired</Message></Error>' }
      : { statusCode: 204, data: '' }))
      .on('POST', /\/uploads\/new\/confirm$/, () => ({ statusCode: 200, data: uploadedLicence.current }));
    await page.choosePhoto(tap('LICENCE'));
    expect(textOf(page)).toContain('上传凭证已过期，请点击重试');
    await page.retry(tap('LICENCE'));
    expect(tickets).toBe(2);
    expect(wx.__server.uploads.map((u) => u.formData.key)).toEqual(['u/old', 'u/new']);
    expect(requests('POST', /\/uploads\/new\/confirm$/)).toHaveLength(1);
  });

  test('the bucket refusing the file (400 EntityTooLarge) is shown in Chinese without a retry', async () => {
    const page = await open();
    photo('http://tmp/licence.jpg', 9 * MB);
    wx.__server.on('POST', BASE + '/uploads', () => ({ statusCode: 201, data: ticket('t3') }))
      .on('UPLOAD', /files\.example/, () => ({ statusCode: 400, data: '<Error><Code>EntityTooLarge</Code></Error>' }));
    await page.choosePhoto(tap('LICENCE'));
    expect(textOf(page)).toContain('文件超过大小限制，请压缩或重新选择后上传');
    expect(page.data.items[0].error.retryable).toBe(false);
    expect(requests('POST', /\/confirm$/)).toHaveLength(0);
  });

  test('a server error on confirm (file type mismatch) is shown; a storage outage on confirm retries the confirmation only', async () => {
    const page = await open();
    photo('http://tmp/licence.jpg', 1024);
    wx.__server.on('POST', BASE + '/uploads', () => ({ statusCode: 201, data: ticket('t4') }))
      .on('UPLOAD', /files\.example/, () => ({ statusCode: 204, data: '' }))
      .on('POST', BASE + '/uploads/t4/confirm', () => ({ statusCode: 400, data: { code: 'FILE_TYPE_MISMATCH',
        message: '文件内容与所选类型不符（仅支持真实的 JPEG、PNG 或 PDF 文件），请重新上传' } }));
    await page.choosePhoto(tap('LICENCE'));
    expect(textOf(page)).toContain('文件内容与所选类型不符');
    expect(page.data.items[0].error.retryable).toBe(false);

    wx.__server.on('POST', BASE + '/uploads', () => ({ statusCode: 201, data: ticket('t5') }))
      .on('POST', BASE + '/uploads/t5/confirm', () => ({ statusCode: 503, data: { code: 'STORAGE_UNAVAILABLE',
        message: '文件存储服务暂时不可用，请稍后再试' } }));
    await page.choosePhoto(tap('LICENCE'));
    expect(textOf(page)).toContain('文件服务暂时不可用，请稍后重试');
    expect(textOf(page)).toContain('重试');
    wx.__server.on('POST', BASE + '/uploads/t5/confirm', () => ({ statusCode: 200, data: uploadedLicence.current }))
      .on('GET', BASE, () => ({ statusCode: 200, data: checklist({ items: [uploadedLicence], missing: [] }) }));
    await page.retry(tap('LICENCE'));
    expect(requests('POST', /\/uploads$/)).toHaveLength(2);
    expect(wx.__server.uploads).toHaveLength(2);
    expect(requests('POST', /\/uploads\/t5\/confirm$/)).toHaveLength(2);
    expect(textOf(page)).toContain('材料已齐全');
  });

  test('an upload the server never received (UPLOAD_MISSING) is sent again under a new ticket by 重试', async () => {
    const page = await open();
    photo('http://tmp/licence.jpg', 1024);
    let n = 0;
    wx.__server.on('POST', BASE + '/uploads', () => {
      n += 1;
      return { statusCode: 201, data: ticket('m' + n) };
    }).on('UPLOAD', /files\.example/, () => ({ statusCode: 204, data: '' }))
      .on('POST', /\/uploads\/m1\/confirm$/, () => ({ statusCode: 409, data: { code: 'UPLOAD_MISSING', message: '未收到上传的文件，请重新上传' } }))
      .on('POST', /\/uploads\/m2\/confirm$/, () => ({ statusCode: 200, data: uploadedLicence.current }));
    await page.choosePhoto(tap('LICENCE'));
    expect(textOf(page)).toContain('未收到上传的文件，请重新上传');
    expect(textOf(page)).toContain('重试');
    await page.retry(tap('LICENCE'));
    expect(n).toBe(2);
    expect(wx.__server.uploads.map((u) => u.formData.key)).toEqual(['u/m1', 'u/m2']);
    expect(requests('POST', /\/uploads\/m2\/confirm$/)).toHaveLength(1);
  });

  test('a filing under review refuses the ticket with its message (MATERIALS_LOCKED, FILING_NOT_EDITABLE)', async () => {
    const page = await open();
    photo('http://tmp/licence.jpg', 1024);
    wx.__server.on('POST', BASE + '/uploads', () => ({ statusCode: 409, data: { code: 'MATERIALS_LOCKED',
      message: '备案当前状态为“待审核”，不能更换材料' } }));
    await page.choosePhoto(tap('LICENCE'));
    expect(textOf(page)).toContain('备案当前状态为“待审核”，不能更换材料');
    expect(wx.__server.uploads).toHaveLength(0);
    wx.__server.on('POST', BASE + '/uploads', () => ({ statusCode: 409, data: { code: 'FILING_NOT_EDITABLE',
      message: '备案当前状态为“待审核”，不能修改' } }));
    await page.choosePhoto(tap('LICENCE'));
    expect(textOf(page)).toContain('不能修改');
    expect(page.data.items[0].error.retryable).toBe(false);
  });

  test('an oversized photo is refused before any request', async () => {
    const page = await open();
    photo('http://tmp/big.jpg', 10 * MB + 1);
    const before = wx.__server.calls.length;
    await page.choosePhoto(tap('LICENCE'));
    expect(textOf(page)).toContain('文件超过 10 MB，请压缩或重新选择后上传');
    expect(wx.__server.calls.slice(before).filter((c) => c.url)).toHaveLength(0);
  });

  test('a file of another type is refused before any request', async () => {
    const page = await open();
    wx.chooseMessageFile = jest.fn((o) => o.success({ tempFiles: [{ path: 'http://tmp/form.docx', name: '备案表.docx', size: 2048 }] }));
    const before = wx.__server.calls.length;
    await page.chooseFile(tap('SIGNED_UNIT_FORM'));
    expect(wx.chooseMessageFile.mock.calls[0][0]).toMatchObject({ type: 'file', extension: ['pdf'] });
    expect(textOf(page)).toContain('仅支持 JPEG、PNG 图片或 PDF 文件');
    expect(wx.__server.calls.slice(before).filter((c) => c.url)).toHaveLength(0);
  });

  test('a PDF from a chat is uploaded as application/pdf', async () => {
    const page = await open();
    wx.chooseMessageFile = jest.fn((o) => o.success({ tempFiles: [{ path: 'http://tmp/abc.pdf', name: '表一.pdf', size: 4096 }] }));
    wx.__server.on('POST', BASE + '/uploads', () => ({ statusCode: 201, data: ticket('p1') }))
      .on('UPLOAD', /files\.example/, () => ({ statusCode: 204, data: '' }))
      .on('POST', BASE + '/uploads/p1/confirm', () => ({ statusCode: 200, data: {} }));
    await page.chooseFile(tap('SIGNED_UNIT_FORM'));
    expect(requests('POST', /\/uploads$/)[0].data).toEqual({ materialType: 'SIGNED_UNIT_FORM', fileName: '表一.pdf',
      contentType: 'application/pdf', size: 4096 });
    expect(wx.__server.uploads[0].filePath).toBe('http://tmp/abc.pdf');
  });

  test('privacy authorisation refused: nothing is chosen or sent', async () => {
    const page = await open();
    wx.requirePrivacyAuthorize = jest.fn((o) => o.fail({ errMsg: 'requirePrivacyAuthorize:fail privacy permission is not authorized' }));
    wx.chooseMedia = jest.fn();
    await page.choosePhoto(tap('LICENCE'));
    expect(wx.chooseMedia).not.toHaveBeenCalled();
    expect(textOf(page)).toContain('需要您同意隐私保护指引后才能选择照片或文件');
  });

  test('cancelling the chooser changes nothing', async () => {
    const page = await open();
    wx.chooseMedia = jest.fn((o) => o.fail({ errMsg: 'chooseMedia:fail cancel' }));
    await page.choosePhoto(tap('LICENCE'));
    expect(page.data.items[0].error).toBeNull();
    expect(wx.__server.uploads).toHaveLength(0);
  });

  test('preview: an image is downloaded with the token and shown with previewImage, a PDF with openDocument', async () => {
    const pdf = { materialType: 'SIGNED_UNIT_FORM', label: '加盖公章并签字的表一扫描件', uploaded: true,
      current: { id: 502, fileName: '表一.pdf', contentType: 'application/pdf', size: 1000, uploadedAt: '2026-03-02T10:00:00+08:00',
        current: true, purged: false }, history: [] };
    const page = await open(checklist({ items: [uploadedLicence, pdf], missing: [] }));
    wx.__server.on('DOWNLOAD', /\/materials\/501\/content$/, (req) => ({ statusCode: req.header.Authorization === 'Bearer a' ? 200 : 401,
      tempFilePath: 'http://tmp/501.jpg' }))
      .on('DOWNLOAD', /\/materials\/502\/content$/, () => ({ statusCode: 200, tempFilePath: 'http://tmp/502.pdf' }));
    wx.previewImage = jest.fn();
    wx.openDocument = jest.fn();
    await page.preview({ currentTarget: { dataset: { id: 501, image: true } } });
    expect(wx.previewImage).toHaveBeenCalledWith(expect.objectContaining({ urls: ['http://tmp/501.jpg'] }));
    await page.preview({ currentTarget: { dataset: { id: 502, image: false } } });
    expect(wx.openDocument).toHaveBeenCalledWith(expect.objectContaining({ filePath: 'http://tmp/502.pdf', fileType: 'pdf' }));
    expect(requests('DOWNLOAD', /\/api\/mini\/filings\/42\/materials\/50[12]\/content$/)).toHaveLength(2);
  });

  test('preview of a purged file tells why', async () => {
    const page = await open(checklist({ items: [uploadedLicence], missing: [] }));
    wx.__server.on('DOWNLOAD', /\/content$/, () => ({ statusCode: 410 }));
    wx.showToast = jest.fn();
    await page.preview({ currentTarget: { dataset: { id: 501, image: true } } });
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '该材料已按保存期限删除' }));
  });

  test('replace: uploading again for an uploaded item, the new file becomes current and the old one history', async () => {
    const page = await open(checklist({ items: [uploadedLicence], missing: [] }));
    expect(textOf(page)).toContain('重新拍照/选图');
    photo('http://tmp/new.jpg', 5000);
    wx.__server.on('POST', BASE + '/uploads', () => ({ statusCode: 201, data: ticket('r1') }))
      .on('UPLOAD', /files\.example/, () => ({ statusCode: 204, data: '' }))
      .on('POST', BASE + '/uploads/r1/confirm', () => ({ statusCode: 200, data: {} }))
      .on('GET', BASE, () => ({ statusCode: 200, data: checklist({ items: [Object.assign({}, uploadedLicence, {
        current: Object.assign({}, uploadedLicence.current, { id: 503, fileName: '营业执照-新.jpg' }),
        history: [Object.assign({}, uploadedLicence.current, { current: false })] })], missing: [] }) }));
    await page.choosePhoto(tap('LICENCE'));
    expect(requests('POST', /\/uploads$/)[0].data.materialType).toBe('LICENCE');
    const text = textOf(page);
    expect(text).toContain('营业执照-新.jpg');
    expect(text).toContain('历史版本 1 份');
    expect(page.data.items[0].current.id).toBe(503);
  });

  test('a checklist that cannot load offers 重试', async () => {
    session.save({ accessToken: 'a', refreshToken: 'r', operatorId: 7 });
    wx.__server.on('GET', BASE, () => ({ fail: { errMsg: 'request:fail' } }));
    const page = loadPage('materials/materials');
    page.onLoad({ id: '42' });
    await settle();
    expect(textOf(page)).toContain('网络连接失败');
    wx.__server.on('GET', BASE, () => ({ statusCode: 200, data: checklist() }));
    await page.retryLoad();
    expect(textOf(page)).toContain('还需上传 2 项材料');
  });
});
