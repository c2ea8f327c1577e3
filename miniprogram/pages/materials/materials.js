// 备案材料 (?id=filingId): the checklist of the filing's form with each item's current file; an item is
// uploaded (or replaced: the server keeps the earlier file as history) in three steps — a ticket from
// the server, the file straight to the bucket (progress bar), a confirmation — and a failed step is
// retried by 重试 (with a new ticket when the old one ran out or the upload is gone).
// The server reads ID-card photos and licences (OCR) in the background and compares them with the form:
// each current file's check is shown under its item (a mismatch as a warning, never blocking 提交); after
// an upload a pending check is polled every 1.5 s, at most 8 times, and only while the page is shown.
const api = require('../../utils/api');
const upload = require('../../utils/upload');
const display = require('../../utils/display');

/** Confirmation errors after which the file must go up again under a new ticket. */
const REUPLOAD = new Set(['UPLOAD_MISSING', 'UPLOAD_TICKET_CLOSED', 'UPLOAD_TICKET_NOT_FOUND']);

/** Polling a pending check: the pause before each request, and how many requests at most. */
const POLL_INTERVAL_MS = 1500;
const POLL_TRIES = 8;

/** A file's check as the page shows it; null when the file is not checked. */
function checkView(check) {
  if (!check) return null;
  const results = check.results || [];
  const messages = (outcome) => results.filter((r) => r.outcome === outcome).map((r) => r.message);
  return {
    status: check.status,
    statusLabel: check.statusLabel,
    mismatch: !!check.mismatch,
    warnings: messages('MISMATCH'),
    hints: messages('UNREADABLE'),
    matched: check.status === 'DONE' && results.length > 0 && results.every((r) => r.outcome === 'MATCH'),
    gaveUp: false,
  };
}

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

/** The current file's check (its id, for matching poll answers). */
function currentCheck(item) {
  return item.current ? checkView(item.current.check) : null;
}

function itemView(item) {
  return {
    materialType: item.materialType,
    label: item.label,
    uploaded: !!item.uploaded,
    current: fileView(item.current),
    history: (item.history || []).map(fileView),
    check: currentCheck(item),
    phase: 'idle',
    progress: 0,
    error: null,
  };
}

Page({
  data: { filingId: null, loading: true, error: null, items: [], missingCount: 0 },

  onLoad(query) {
    this.jobs = {};
    this.polls = {};
    this.checks = {};
    this.hidden = false;
    this.setData({ filingId: query && query.id });
    return this.load();
  },

  /** Polls stop while the page is hidden (camera, album, another page) and go on when it is shown again. */
  onShow() {
    if (!this.hidden) return;
    this.hidden = false;
    Object.keys(this.polls || {}).forEach((id) => this.schedule(id));
  },

  onHide() {
    this.hidden = true;
    Object.keys(this.polls || {}).forEach((id) => this.pause(id));
  },

  onUnload() {
    this.hidden = true;
    Object.keys(this.polls || {}).forEach((id) => this.stopPoll(id));
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
          // a poll may have seen the check finish before this answer was written
          const polled = view.current ? this.checks[view.current.id] : null;
          if (view.check && view.check.status === 'PENDING' && polled && polled.status !== 'PENDING') view.check = polled;
          return view;
        });
        this.setData({ loading: false, items, missingCount: (checklist.missing || []).length });
        // checks still running when the page opens are followed too, without the dialog
        items.forEach((item) => {
          if (item.check && item.check.status === 'PENDING') this.startPoll(item.current.id, item.materialType, false);
        });
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
      .then((file) => {
        delete this.jobs[type];
        this.setItem(type, { phase: 'idle', progress: 0, error: null });
        const check = file && file.check;
        if (check && check.status === 'PENDING') this.startPoll(file.id, type, true);
        if (check && check.mismatch) this.warn(check);
        else wx.showToast({ title: '上传成功', icon: 'success' });
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

  /** Follows a pending check of a file until it is no longer pending (or POLL_TRIES requests went unanswered). */
  startPoll(materialId, type, fresh) {
    const id = String(materialId);
    if (!this.polls || this.polls[id]) return;
    this.polls[id] = { type, fresh, tries: 0, timer: null, asking: false };
    this.schedule(id);
  },

  schedule(id) {
    const poll = this.polls[id];
    if (!poll || poll.timer || poll.asking || this.hidden) return;
    poll.timer = setTimeout(() => {
      poll.timer = null;
      this.ask(id);
    }, POLL_INTERVAL_MS);
  },

  pause(id) {
    const poll = this.polls[id];
    if (poll && poll.timer) {
      clearTimeout(poll.timer);
      poll.timer = null;
    }
  },

  stopPoll(id) {
    this.pause(id);
    delete this.polls[id];
  },

  ask(id) {
    const poll = this.polls[id];
    if (!poll) return Promise.resolve();
    poll.asking = true;
    poll.tries += 1;
    return api.get(this.path('/' + id + '/check'))
      .then((check) => {
        poll.asking = false;
        if (this.polls[id] !== poll) return;
        const done = !check || check.status !== 'PENDING';
        if (done) this.stopPoll(id);
        this.showCheck(id, poll.type, check);
        if (done && poll.fresh && check && check.mismatch) this.warn(check);
        if (!done) this.next(id, poll);
      })
      .catch((error) => {
        poll.asking = false;
        if (this.polls[id] !== poll) return;
        if (error.code === 'MATERIAL_NOT_FOUND') this.stopPoll(id);
        else this.next(id, poll);
      });
  },

  next(id, poll) {
    if (poll.tries >= POLL_TRIES) {
      this.stopPoll(id);
      const item = this.data.items[this.indexOf(poll.type)];
      if (item && item.check && item.check.status === 'PENDING') this.setItem(poll.type, { 'check.gaveUp': true });
      return;
    }
    this.schedule(id);
  },

  /** The newest check of a file, if that file is still the item's current one. */
  showCheck(id, type, check) {
    const view = checkView(check);
    this.checks[id] = view;
    const item = this.data.items[this.indexOf(type)];
    if (!item || !item.current || String(item.current.id) !== String(id)) return;
    this.setItem(type, { check: view });
  },

  /** A fresh upload that does not match the form: said once, in a dialog that does not stop anything. */
  warn(check) {
    const messages = (check.results || []).filter((r) => r.outcome === 'MISMATCH').map((r) => r.message);
    wx.showModal({
      title: '请核对材料',
      content: (messages.length ? messages : ['上传的材料与填写的信息不一致，请核对']).join('\n'),
      showCancel: false,
      confirmText: '知道了',
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
