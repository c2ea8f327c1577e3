// 审核进度 (?id=filingId): the filing's history from GET /api/mini/filings/{id}, newest first — what
// happened, from which status to which, who (本人 / 网信办 / 系统; no staff names), when, and why; a
// rejection's reason stands out, as does the current one at the top.
const api = require('../../utils/api');
const display = require('../../utils/display');

function entry(transition, index) {
  return {
    key: index,
    action: display.transitionLabel(transition.from, transition.to, transition.actorType),
    change: (transition.from ? display.statusLabel(transition.from) + ' → ' : '') + display.statusLabel(transition.to),
    actor: display.actorLabel(transition.actorType),
    at: display.time(transition.at),
    reason: transition.reason || '',
    rejected: transition.to === 'REJECTED',
    revoked: transition.to === 'REVOKED',
  };
}

Page({
  data: { filingId: null, loading: true, error: null, filing: null, entries: [] },

  onLoad(query) {
    this.setData({ filingId: query && query.id });
    return this.load();
  },

  onPullDownRefresh() {
    return this.load().then(() => wx.stopPullDownRefresh());
  },

  load() {
    this.setData({ error: null });
    return api.get('/api/mini/filings/' + this.data.filingId)
      .then((filing) => {
        const entries = (filing.history || []).map(entry).reverse();
        this.setData({
          loading: false,
          entries,
          filing: {
            status: filing.status,
            statusLabel: filing.statusLabel || display.statusLabel(filing.status),
            filingNumber: filing.filingNumber || '',
            accountName: (filing.form && filing.form.account && filing.form.account.name) || '',
            rejectionReason: filing.status === 'REJECTED' ? filing.rejectionReason || '' : '',
            revocationReason: filing.status === 'REVOKED' ? filing.revocationReason || '' : '',
            dueOn: filing.dueOn || '',
            overdue: !!filing.overdue,
          },
        });
      })
      .catch((error) => this.setData({ loading: false, error: { message: error.message, retryable: error.retryable } }));
  },

  retry() {
    this.setData({ loading: true });
    return this.load();
  },
});
