// 备案材料 (?id=filingId): the checklist of the filing's form with each item's current file; an item is
// uploaded (or replaced: the server keeps the earlier file as history) in three steps — a ticket from
// the server, the file straight to the bucket (progress bar), a confirmation — and a failed step is
// retried by 重试 (with a new ticket when the old one ran out or the upload is gone).
const api = require('../../utils/api');
const upload = require('../../utils/upload');
const display = require('../../utils/display');

/** Confirmation errors after which the file must go up again under a new ticket. */
const REUPLOAD = new Set(['UPLOAD_MISSING', 'UPLOAD_TICKET_CLOSED', 'UPLOAD_TICKET_NOT_FOUND']);

function fileView(file) {
  if (!file) return null;
  return {
    id: file.id,
    fileName: file.fileName,
    contentType: file.contentType,
    isImage: /^image\//.test(file.contentType || ''),
    sizeText: display.size(file.size),
    uploadedAt: display.time(file.uploadedAt),
    purged: !!file.purged,
  };
}

function itemView(item) {
  return {
    materialType: item.materialType,
    label: item.label,
    uploaded: !!item.uploaded,
    current: fileView(item.current),
    history: (item.history || []).map(fileView),
    phase: 'idle',
    progress: 0,
    error: null,
  };
}

Page({
  data: { filingId: null, loading: true, error: null, items: [], missingCount: 0 },

  onLoad(query) {
    this.jobs = {};
    this.setData({ filingId: query && query.id });
    return this.load();
  },

  onPullDownRefresh() {
    return this.load().then(() => wx.stopPullDownRefresh());
  },

  path(suffix) {
    return '/api/mini/filings/' + this.data.filingId + '/materials' + (suffix || '');
  },

  load() {
    this.setData({ error: null });
    return api.get(this.path())
      .then((checklist) => {
        const previous = {};
        this.data.items.forEach((item) => {
          previous[item.materialType] = item;
        });
        // an item being uploaded keeps its progress (and a failed one its message) across a reload
        const items = (checklist.items || []).map((item) => {
          const view = itemView(item);
          const before = previous[item.materialType];
          if (before && before.phase !== 'idle') {
            view.phase = before.phase;
            view.progress = before.progress;
            view.error = before.error;
          }
          return view;
        });
        this.setData({ loading: false, items, missingCount: (checklist.missing || []).length });
      })
      .catch((error) => this.setData({ loading: false, error: { message: error.message, retryable: error.retryable } }));
  },

  retryLoad() {
    this.setData({ loading: true });
    return this.load();
  },

  indexOf(type) {
    return this.data.items.findIndex((item) => item.materialType === type);
  },

  setItem(type, changes) {
    const index = this.indexOf(type);
    if (index < 0) return;
    const update = {};
    Object.keys(changes).forEach((key) => {
      update['items[' + index + '].' + key] = changes[key];
    });
    this.setData(update);
  },

  busy(type) {
    const item = this.data.items[this.indexOf(type)];
    return !item || item.phase === 'uploading' || item.phase === 'confirming';
  },

  choosePhoto(event) {
    const type = event.currentTarget.dataset.type;
    const item = this.data.items[this.indexOf(type)];
    if (this.busy(type)) return Promise.resolve();
    return this.chosen(type, upload.choosePhoto(item.label));
  },

  chooseFile(event) {
    const type = event.currentTarget.dataset.type;
    if (this.busy(type)) return Promise.resolve();
    return this.chosen(type, upload.chooseFile());
  },

  chosen(type, choice) {
    return choice.then((file) => {
      if (!file) return null;
      const refused = upload.check(file);
      if (refused) {
        this.setItem(type, { phase: 'failed', error: { message: refused, retryable: false } });
        return null;
      }
      this.jobs[type] = { file, ticket: null, step: 'ticket' };
      return this.proceed(type);
    }).catch((error) => this.setItem(type, { phase: 'failed', error: { message: error.message, retryable: false } }));
  },

  /** Runs the job of this item from its current step: ticket → storage → confirm. */
  proceed(type) {
    const job = this.jobs[type];
    if (!job) return Promise.resolve();
    this.setItem(type, { phase: 'uploading', progress: 0, error: null });
    let chain = Promise.resolve();
    if (job.step === 'ticket' || (job.step === 'upload' && upload.expired(job.ticket))) {
      job.step = 'ticket';
      chain = chain.then(() => api.post(this.path('/uploads'), {
        materialType: type,
        fileName: job.file.name,
        contentType: job.file.contentType,
        size: job.file.size,
      })).then((ticket) => {
        job.ticket = ticket;
        job.step = 'upload';
      });
    }
    if (job.step !== 'confirm') {
      chain = chain.then(() => upload.toStorage(job.ticket, job.file.path, (percent) => this.setItem(type, { progress: percent })))
        .then(() => {
          job.step = 'confirm';
        });
    }
    return chain
      .then(() => {
        this.setItem(type, { phase: 'confirming', progress: 100 });
        return api.post(this.path('/uploads/' + job.ticket.ticketId + '/confirm'));
      })
      .then(() => {
        delete this.jobs[type];
        this.setItem(type, { phase: 'idle', progress: 0, error: null });
        wx.showToast({ title: '上传成功', icon: 'success' });
        return this.load();
      })
      .catch((error) => {
        let retryable = !!error.retryable;
        if (job.step === 'confirm' && REUPLOAD.has(error.code)) {
          job.step = 'ticket';
          job.ticket = null;
          retryable = true;
        } else if (error.code === 'UPLOAD_TICKET_EXPIRED') {
          job.step = 'ticket';
          job.ticket = null;
        }
        if (!retryable) delete this.jobs[type];
        this.setItem(type, { phase: 'failed', error: { message: error.message, retryable, step: job.step } });
      });
  },

  retry(event) {
    return this.proceed(event.currentTarget.dataset.type);
  },

  /** Shows a file: images in WeChat's viewer, PDFs with openDocument. */
  preview(event) {
    const { id, image } = event.currentTarget.dataset;
    wx.showLoading({ title: '正在打开' });
    return upload.downloadContent(this.data.filingId, id)
      .then((path) => {
        wx.hideLoading();
        if (image) wx.previewImage({ urls: [path], current: path });
        else wx.openDocument({ filePath: path, fileType: 'pdf', showMenu: false });
      })
      .catch((error) => {
        wx.hideLoading();
        wx.showToast({ title: error.message, icon: 'none' });
      });
  },
});
