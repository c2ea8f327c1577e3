// 消息详情 (?id=): the full text (sanitised HTML from the server, shown with rich-text) and its
// attachments; opening it marks it read on the server. An attachment comes as a short-lived presigned
// link: downloaded without our token, then opened (PDF) or previewed (image).
const api = require('../../utils/api');
const errors = require('../../utils/errors');
const display = require('../../utils/display');

const MESSAGES = {
  INBOX_ITEM_NOT_FOUND: '消息不存在或已被删除',
  ATTACHMENT_NOT_FOUND: '附件不存在或已被删除',
  LINK_EXPIRED: '下载链接已失效，请再点一次',
};

const DOCUMENT_TYPES = { 'application/pdf': 'pdf' };

function message(error) {
  return MESSAGES[error.code] || error.message;
}

Page({
  data: { id: null, loading: true, error: null, item: null, bodyHtml: '', attachments: [], opening: null },

  onLoad(query) {
    this.setData({ id: query && query.id });
    return this.load();
  },

  load() {
    this.setData({ error: null });
    return api.get('/api/mini/inbox/' + this.data.id)
      .then((item) => {
        this.setData({
          loading: false,
          item: {
            title: item.title,
            source: display.sourceLabel(item.sourceType),
            receivedAt: display.time(item.receivedAt),
            summary: item.summary || '',
          },
          bodyHtml: item.bodyHtml || '',
          attachments: (item.attachments || []).map((a) => ({
            id: a.id,
            fileName: a.fileName,
            contentType: a.contentType,
            sizeText: display.size(a.sizeBytes),
          })),
        });
      })
      .catch((error) => this.setData({ loading: false, error: { message: message(error), retryable: error.retryable } }));
  },

  retry() {
    this.setData({ loading: true });
    return this.load();
  },

  download(url) {
    return new Promise((resolve, reject) => {
      wx.downloadFile({
        url,
        timeout: 60000,
        success: (res) => {
          if (res.statusCode === 200) resolve(res.tempFilePath);
          else if (res.statusCode === 403) reject(new errors.ApiError('LINK_EXPIRED', MESSAGES.LINK_EXPIRED, 403));
          else reject(errors.fromResponse(res.statusCode, null));
        },
        fail: (failure) => reject(errors.fromFailure(failure)),
      });
    });
  },

  openAttachment(event) {
    const attachmentId = event.currentTarget.dataset.id;
    const attachment = this.data.attachments.find((a) => String(a.id) === String(attachmentId));
    if (!attachment || this.data.opening) return Promise.resolve();
    this.setData({ opening: attachment.id });
    wx.showLoading({ title: '正在打开' });
    return api.get('/api/mini/inbox/' + this.data.id + '/attachments/' + attachment.id)
      .then((link) => this.download(link.url))
      .then((path) => {
        wx.hideLoading();
        if (/^image\//.test(attachment.contentType || '')) {
          wx.previewImage({ urls: [path], current: path });
        } else {
          wx.openDocument({ filePath: path, fileType: DOCUMENT_TYPES[attachment.contentType] || 'pdf', showMenu: true,
            fail: () => wx.showToast({ title: '无法打开该文件', icon: 'none' }) });
        }
      })
      .catch((error) => {
        wx.hideLoading();
        wx.showToast({ title: message(error), icon: 'none' });
      })
      .then(() => this.setData({ opening: null }));
  },
});
