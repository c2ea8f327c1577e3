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

describe('备案材料: the check of ID-card photos and licences (OCR) against the form', () => {
  const ID_MISMATCH = '照片中的身份证号码与填写的不一致，请核对';
  const UNREADABLE = '未能识别照片中的证件，审核员将人工核对';

  function check(status, results) {
    const labels = { PENDING: '识别中', DONE: '已核对', UNCHECKED: '暂未核对', SKIPPED: '未核对' };
    const list = results || [];
    return { status, statusLabel: labels[status], mismatch: list.some((r) => r.outcome === 'MISMATCH'),
      checkedAt: status === 'DONE' ? '2026-03-02T09:16:00+08:00' : null, results: list };
  }

  const result = (field, fieldLabel, outcome, message) => ({ field, fieldLabel, outcome,
    recognised: outcome === 'UNREADABLE' ? null : '110101199001011234', entered: '110101199001011235', message });
  const idMismatch = () => check('DONE', [result('NAME', '姓名', 'MATCH', '姓名一致'), result('ID_NUMBER', '身份证号码', 'MISMATCH', ID_MISMATCH)]);

  function idCard(id, fileCheck) {
    return { materialType: 'RESPONSIBLE_ID_FRONT', label: '负责人身份证人像面', uploaded: true,
      current: { id, materialType: 'RESPONSIBLE_ID_FRONT', fileName: '身份证人像面.jpg', contentType: 'image/jpeg', size: 102400,
        uploadedAt: '2026-03-02T09:15:30+08:00', current: true, purged: false, check: fileCheck }, history: [] };
  }

  const withCheck = (item, fileCheck) => Object.assign({}, item, { current: Object.assign({}, item.current, { check: fileCheck }) });

  /** Chooses a photo for the ID card and lets the upload and its confirmation (answering confirmCheck) finish under fake timers. */
  async function uploadIdCard(page, confirmCheck) {
    photo('http://tmp/id.jpg', 2048);
    wx.__server.on('POST', BASE + '/uploads', () => ({ statusCode: 201, data: ticket('c1') }))
      .on('UPLOAD', /files\.example/, () => ({ statusCode: 204, data: '' }))
      .on('POST', BASE + '/uploads/c1/confirm', () => ({ statusCode: 200, data: idCard(601, confirmCheck).current }))
      .on('GET', BASE, () => ({ statusCode: 200, data: checklist({ items: [idCard(601, confirmCheck)], missing: [] }) }));
    jest.useFakeTimers();
    const done = page.choosePhoto(tap('RESPONSIBLE_ID_FRONT'));
    await jest.advanceTimersByTimeAsync(10);
    await done;
  }

  /** Answers the check endpoint of file 601 with the given checks in turn (the last one from then on). */
  function checkAnswers(...answers) {
    let n = 0;
    wx.__server.on('GET', BASE + '/601/check', () => {
      n += 1;
      return { statusCode: 200, data: answers[Math.min(n, answers.length) - 1] };
    });
  }

  const polls = () => requests('GET', /\/materials\/601\/check$/);

  afterEach(() => {
    jest.useRealTimers();
  });

  test('after an upload the pending check is polled every 1.5 s; a mismatch is shown under the item and said once in a dialog', async () => {
    const page = await open(checklist({ items: [idCard(600, null)], missing: [] }));
    wx.showModal = jest.fn();
    checkAnswers(check('PENDING'), idMismatch());
    await uploadIdCard(page, check('PENDING'));
    expect(textOf(page)).toContain('正在核对…');
    expect(polls()).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(1400);
    expect(polls()).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(100);
    expect(polls()).toHaveLength(1);
    expect(textOf(page)).toContain('正在核对…');
    expect(wx.showModal).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1500);
    expect(polls()).toHaveLength(2);
    const text = textOf(page);
    expect(text).toContain(ID_MISMATCH);
    expect(text).not.toContain('正在核对');
    expect(text).not.toContain('姓名一致');
    expect(text).toContain('如确认无误，仍可提交备案');
    expect(page.data.items[0].check).toMatchObject({ status: 'DONE', mismatch: true, warnings: [ID_MISMATCH] });
    expect(wx.showModal).toHaveBeenCalledTimes(1);
    expect(wx.showModal.mock.calls[0][0]).toMatchObject({ title: '请核对材料', content: ID_MISMATCH, showCancel: false, confirmText: '知道了' });
    // DONE ends the polling: no more requests, no timer left
    await jest.advanceTimersByTimeAsync(15000);
    expect(polls()).toHaveLength(2);
    expect(jest.getTimerCount()).toBe(0);
    expect(wx.showModal).toHaveBeenCalledTimes(1);
  });

  test('a check already done in the confirmation answer is shown at once, with the dialog, and not polled', async () => {
    const page = await open(checklist({ items: [idCard(600, null)], missing: [] }));
    wx.showModal = jest.fn();
    await uploadIdCard(page, idMismatch());
    expect(textOf(page)).toContain(ID_MISMATCH);
    expect(wx.showModal).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(15000);
    expect(polls()).toHaveLength(0);
    expect(jest.getTimerCount()).toBe(0);
  });

  test('a check that stays pending is asked for 8 times, then the page stops and says to refresh later', async () => {
    const page = await open(checklist({ items: [idCard(600, null)], missing: [] }));
    wx.showModal = jest.fn();
    checkAnswers(check('PENDING'));
    await uploadIdCard(page, check('PENDING'));
    await jest.advanceTimersByTimeAsync(1500 * 7);
    expect(polls()).toHaveLength(7);
    await jest.advanceTimersByTimeAsync(1500);
    expect(polls()).toHaveLength(8);
    await jest.advanceTimersByTimeAsync(60000);
    expect(polls()).toHaveLength(8);
    expect(jest.getTimerCount()).toBe(0);
    expect(textOf(page)).toContain('正在核对…（稍后下拉刷新查看结果）');
    expect(wx.showModal).not.toHaveBeenCalled();
  });

  test('a failed poll counts as a try and the next one goes on; MATERIAL_NOT_FOUND stops', async () => {
    const page = await open(checklist({ items: [idCard(600, null)], missing: [] }));
    let n = 0;
    wx.__server.on('GET', BASE + '/601/check', () => {
      n += 1;
      return n === 1 ? { fail: { errMsg: 'request:fail' } } : { statusCode: 404, data: { code: 'MATERIAL_NOT_FOUND', message: '材料不存在' } };
    });
    await uploadIdCard(page, check('PENDING'));
    await jest.advanceTimersByTimeAsync(30000);
    expect(polls()).toHaveLength(2);
    expect(jest.getTimerCount()).toBe(0);
    expect(textOf(page)).not.toContain('材料不存在');
  });

  test('leaving the page stops the polling: no timer left after onUnload; onHide pauses until onShow', async () => {
    const page = await open(checklist({ items: [idCard(600, null)], missing: [] }));
    checkAnswers(check('PENDING'), idMismatch());
    await uploadIdCard(page, check('PENDING'));
    expect(jest.getTimerCount()).toBe(1);
    page.onHide();
    expect(jest.getTimerCount()).toBe(0);
    await jest.advanceTimersByTimeAsync(10000);
    expect(polls()).toHaveLength(0);
    page.onShow();
    await jest.advanceTimersByTimeAsync(1500);
    expect(polls()).toHaveLength(1);
    expect(jest.getTimerCount()).toBe(1);
    page.onUnload();
    expect(jest.getTimerCount()).toBe(0);
    await jest.advanceTimersByTimeAsync(10000);
    expect(polls()).toHaveLength(1);
  });

  test('a poll answered after the page was left schedules nothing', async () => {
    const page = await open(checklist({ items: [idCard(600, null)], missing: [] }));
    let answer;
    wx.__server.on('GET', BASE + '/601/check', () => new Promise((resolve) => {
      answer = () => resolve({ statusCode: 200, data: check('PENDING') });
    }));
    await uploadIdCard(page, check('PENDING'));
    await jest.advanceTimersByTimeAsync(1500);
    expect(polls()).toHaveLength(1);
    page.onUnload();
    answer();
    await jest.advanceTimersByTimeAsync(10000);
    expect(polls()).toHaveLength(1);
    expect(jest.getTimerCount()).toBe(0);
  });

  test('on load each current file shows its check: mismatch, unreadable, pending, unchecked, matching; no dialog', async () => {
    wx.showModal = jest.fn();
    const licence = withCheck(uploadedLicence, check('DONE', [
      result('CREDIT_CODE', '统一社会信用代码', 'MATCH', '统一社会信用代码一致'),
      result('UNIT_NAME', '单位名称', 'MATCH', '单位名称一致')]));
    const back = Object.assign(idCard(602, check('UNCHECKED')), { materialType: 'RESPONSIBLE_ID_BACK', label: '负责人身份证国徽面' });
    const admin = Object.assign(idCard(603, check('DONE', [result('DOCUMENT', '证件', 'UNREADABLE', UNREADABLE)])),
      { materialType: 'ADMIN_ID_FRONT', label: '管理员身份证人像面' });
    const pending = Object.assign(idCard(604, check('PENDING')), { materialType: 'ADMIN_ID_BACK', label: '管理员身份证国徽面' });
    const signed = { materialType: 'SIGNED_UNIT_FORM', label: '加盖公章并签字的表一扫描件', uploaded: true,
      current: { id: 605, fileName: '表一.pdf', contentType: 'application/pdf', size: 1000, uploadedAt: '2026-03-02T10:00:00+08:00',
        current: true, purged: false, check: null }, history: [] };
    const page = await open(checklist({ items: [licence, idCard(601, idMismatch()), back, admin, pending, signed], missing: [] }));
    const text = textOf(page);
    expect(text).toContain('已核对一致');
    expect(text).toContain(ID_MISMATCH);
    expect(text).toContain('暂未核对，不影响提交');
    expect(text).toContain(UNREADABLE);
    expect(text).toContain('正在核对…');
    expect(page.data.items.map((i) => i.check && i.check.status)).toEqual(['DONE', 'DONE', 'UNCHECKED', 'DONE', 'PENDING', null]);
    expect(page.data.items[3].check).toMatchObject({ mismatch: false, warnings: [], hints: [UNREADABLE], matched: false });
    const { render } = require('./support/page');
    const dom = render(page).dom;
    expect(Array.from(dom.querySelectorAll('.check-warning')).map((e) => e.textContent.trim())).toEqual([ID_MISMATCH]);
    expect(Array.from(dom.querySelectorAll('.check-hint')).map((e) => e.textContent.trim())).toEqual([UNREADABLE]);
    expect(wx.showModal).not.toHaveBeenCalled();
    page.onUnload();
  });

  test('a check still pending on load is followed too, without a dialog', async () => {
    wx.showModal = jest.fn();
    checkAnswers(idMismatch());
    jest.useFakeTimers();
    session.save({ accessToken: 'a', refreshToken: 'r', operatorId: 7 });
    wx.__server.on('GET', BASE, () => ({ statusCode: 200, data: checklist({ items: [idCard(601, check('PENDING'))], missing: [] }) }));
    const page = loadPage('materials/materials');
    await page.onLoad({ id: '42' });
    expect(textOf(page)).toContain('正在核对…');
    await jest.advanceTimersByTimeAsync(1500);
    expect(polls()).toHaveLength(1);
    expect(textOf(page)).toContain(ID_MISMATCH);
    expect(wx.showModal).not.toHaveBeenCalled();
    expect(jest.getTimerCount()).toBe(0);
  });

  test('a mismatch never blocks: the materials count as complete and the filing can still be submitted', async () => {
    const page = await open(checklist({ items: [idCard(601, idMismatch())], missing: [] }));
    const text = textOf(page);
    expect(text).toContain(ID_MISMATCH);
    expect(text).toContain('材料已齐全');
    expect(text).toContain('重新拍照/选图');
    expect(page.data.items[0].error).toBeNull();

    const { filing, ok } = require('./support/filings');
    wx.__server.on('GET', '/api/mini/filings/42', () => ok(filing({ id: 42 })))
      .on('POST', '/api/mini/filings/42/submit', () => ok(filing({ id: 42, status: 'SUBMITTED', statusLabel: '待审核', version: 4, overdue: false })));
    const detail = loadPage('filing/filing');
    detail.onLoad({ id: '42' });
    await settle();
    expect(textOf(detail)).toContain('提交');
    await detail.submit();
    expect(requests('POST', /\/api\/mini\/filings\/42\/submit$/)).toHaveLength(1);
    expect(textOf(detail)).toContain('待审核');
  });
});
