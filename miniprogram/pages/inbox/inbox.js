// 消息 (tab): the operator's inbox, newest first, unread ones marked, more loaded on reaching the bottom;
// an entry to opt in to policy notices by subscribe message. Reloaded each time the tab shows, so an
// item read in its detail page no longer counts as unread.
const api = require('../../utils/api');
const display = require('../../utils/display');
const subscribe = require('../../utils/subscribe');

const PAGE_SIZE = 20;
const TAB_INDEX = 2;

function itemView(item) {
  return {
    id: item.id,
    title: item.title,
    summary: item.summary || '',
    source: display.sourceLabel(item.sourceType),
    receivedAt: display.time(item.receivedAt),
    unread: !item.readAt,
  };
}

Page({
  data: {
    loading: true, error: null, items: [], total: 0, unread: 0, page: 0,
    loadingMore: false, moreError: null, noMore: false,
  },

  onShow() {
    subscribe.preload();
    return this.load();
  },

  onPullDownRefresh() {
    return this.load().then(() => wx.stopPullDownRefresh());
  },

  onReachBottom() {
    return this.loadMore();
  },

  fetch(page) {
    return api.get('/api/mini/inbox?page=' + page + '&size=' + PAGE_SIZE);
  },

  /** The first page again (a refresh replaces the list). */
  load() {
    this.setData({ error: null });
    return this.fetch(1)
      .then((answer) => {
        const items = (answer.items || []).map(itemView);
        this.setData({ loading: false, items, total: answer.total, unread: answer.unread, page: 1,
          noMore: items.length >= answer.total, moreError: null });
        this.badge(answer.unread);
      })
      .catch((error) => this.setData({ loading: false, error: { message: error.message, retryable: error.retryable } }));
  },

  loadMore() {
    if (this.data.loading || this.data.loadingMore || this.data.noMore || this.data.error) return Promise.resolve();
    const next = this.data.page + 1;
    this.setData({ loadingMore: true, moreError: null });
    return this.fetch(next)
      .then((answer) => {
        // new messages arriving in between shift the pages: an item already shown is not shown twice
        const shown = new Set(this.data.items.map((item) => item.id));
        const added = (answer.items || []).map(itemView).filter((item) => !shown.has(item.id));
        const items = this.data.items.concat(added);
        this.setData({ loadingMore: false, items, total: answer.total, unread: answer.unread, page: next,
          noMore: !(answer.items || []).length || items.length >= answer.total });
        this.badge(answer.unread);
      })
      .catch((error) => this.setData({ loadingMore: false, moreError: error.message }));
  },

  retry() {
    this.setData({ loading: true });
    return this.load();
  },

  badge(unread) {
    if (unread > 0) wx.setTabBarBadge({ index: TAB_INDEX, text: unread > 99 ? '99+' : String(unread), fail() {} });
    else wx.removeTabBarBadge({ index: TAB_INDEX, fail() {} });
  },

  open(event) {
    const id = event.currentTarget.dataset.id;
    wx.navigateTo({ url: '/pages/inbox/detail?id=' + id });
  },

  subscribePolicy() {
    return subscribe.ask(['POLICY']).then((results) => {
      const accepted = results && Object.keys(results).some((id) => results[id] === 'accept');
      if (accepted) wx.showToast({ title: '已订阅政策通知', icon: 'success' });
      return results;
    });
  },
});
