// 联系我们: the office's address, contacts and filing instructions, and the campaigns (no login needed). With
// several counties, the office of the operator's county (the one they last filed in or picked here, else the
// default); a county without its own information shows the city office's (the server decides).
const api = require('../../utils/api');
const regions = require('../../utils/regions');

Page({
  data: { loading: true, office: null, campaigns: [], currentCampaign: null, counties: [], countyIndex: 0, error: null },
  onLoad() {
    this.load();
  },
  onShow() {
    // a tab page stays loaded: follow a county chosen since (e.g. on the form)
    const chosen = regions.chosen();
    if (this.loaded && chosen && chosen !== this.county) this.load(chosen);
  },
  load(code) {
    this.setData({ loading: true, error: null });
    return regions.load().then(({ counties, defaultCountyCode }) => {
      const listed = (c) => !!c && counties.some((county) => county.code === c);
      const county = [code, regions.chosen(), defaultCountyCode].find(listed) || null;
      this.county = county;
      this.setData({
        counties: counties.length > 1 ? counties : [],
        countyIndex: Math.max(0, counties.findIndex((c) => c.code === county)),
      });
      return api.get(county ? '/api/mini/office?county=' + county : '/api/mini/office', { auth: false });
    }).then((info) => {
      this.loaded = true;
      this.setData({ loading: false, office: info.office, campaigns: info.campaigns || [], currentCampaign: info.currentCampaign || null });
    }).catch((error) => this.setData({ loading: false, error: { message: error.message, retryable: error.retryable } }));
  },
  retry() {
    return this.load(this.county);
  },
  onCounty(event) {
    const county = this.data.counties[Number(event.detail.value)];
    if (!county) return null;
    regions.choose(county.code);
    return this.load(county.code);
  },
  call(event) {
    wx.makePhoneCall({ phoneNumber: event.currentTarget.dataset.phone });
  },
});
