// 登录: WeChat login, then our privacy notice with the two consents the law asks for separately (PIPL
// Art. 14 for personal information, Art. 28/29 separate consent for sensitive information: ID numbers and
// ID-card images), then optionally the phone number. WeChat's own privacy authorisation
// (onNeedPrivacyAuthorization) is answered by this page's dialog. Opened with ?back=1 it returns to the
// page that sent the operator here; otherwise it goes to 首页.
const api = require('../../utils/api');
const privacy = require('../../utils/privacy');

/** What the operator reads for the consent errors (the server's codes). */
const CONSENT_MESSAGES = {
  CONSENT_INCOMPLETE: '请同时勾选同意处理个人信息，以及单独同意处理敏感个人信息（身份证号码、身份证影像），方可办理登记备案',
  CONSENT_VERSION_OUTDATED: '隐私保护指引已更新，请阅读新版本后重新勾选同意',
};

const PHONE_MESSAGES = {
  PHONE_CODE_INVALID: '手机号授权已失效，请重新授权',
  PHONE_NOT_SUPPORTED: '仅支持中国大陆手机号',
};

Page({
  data: {
    step: 'loading', // loading | error | notice | phone
    error: null,
    notice: null,
    personalInfo: false,
    sensitiveInfo: false,
    consentError: '',
    submitting: false,
    phoneError: '',
    privacyDialog: false,
  },

  onLoad(query) {
    this.back = !!(query && (query.back === '1' || query.back === 'true'));
    privacy.register(() => this.setData({ privacyDialog: true }));
    return this.start();
  },

  onUnload() {
    privacy.register(null);
  },

  /** wx.login and our session, then whether the current notice still needs the operator's consent. */
  start() {
    this.setData({ step: 'loading', error: null });
    return api.login()
      .then(() => api.get('/api/mini/me'))
      .then((me) => {
        if (!me.consentRequired) return me.phoneBound ? this.done() : this.setData({ step: 'phone', phoneError: '' });
        return this.loadNotice();
      })
      .catch((error) => this.setData({ step: 'error', error: { message: error.message, retryable: error.retryable } }));
  },

  retry() {
    return this.start();
  },

  loadNotice() {
    return api.get('/api/mini/privacy-notice', { auth: false }).then((notice) => this.setData({
      step: 'notice',
      notice,
      personalInfo: false,
      sensitiveInfo: false,
      submitting: false,
    }));
  },

  /** The checkbox-group: its values are the consents ticked. */
  onConsentChange(event) {
    const ticked = event.detail.value || [];
    this.setData({ personalInfo: ticked.indexOf('personalInfo') >= 0, sensitiveInfo: ticked.indexOf('sensitiveInfo') >= 0, consentError: '' });
  },

  /** 同意并继续: both consents for the version read; an outdated version loads the new notice. */
  agree() {
    if (this.data.submitting) return Promise.resolve();
    const { notice, personalInfo, sensitiveInfo } = this.data;
    if (!personalInfo || !sensitiveInfo) {
      this.setData({ consentError: CONSENT_MESSAGES.CONSENT_INCOMPLETE });
      return Promise.resolve();
    }
    this.setData({ submitting: true, consentError: '' });
    return api.post('/api/mini/me/consents', { version: notice.version, personalInfo, sensitiveInfo })
      .then((me) => {
        this.setData({ submitting: false });
        return me && me.phoneBound ? this.done() : this.setData({ step: 'phone', phoneError: '' });
      })
      .catch((error) => {
        const message = CONSENT_MESSAGES[error.code] || error.message;
        if (error.code === 'CONSENT_VERSION_OUTDATED') {
          return this.loadNotice()
            .then(() => this.setData({ consentError: message }))
            .catch((again) => this.setData({ submitting: false, consentError: again.message }));
        }
        this.setData({ submitting: false, consentError: message });
        return null;
      });
  },

  /** The getPhoneNumber button's answer: a code to bind, or a refusal (the step is optional). */
  onPhoneNumber(event) {
    const code = event && event.detail && event.detail.code;
    if (!code) {
      this.setData({ phoneError: '未获得手机号授权，可稍后在办理时再绑定' });
      return Promise.resolve();
    }
    this.setData({ submitting: true, phoneError: '' });
    return api.post('/api/mini/me/phone', { code })
      .then(() => {
        this.setData({ submitting: false });
        wx.showToast({ title: '手机号已绑定', icon: 'success' });
        return this.done();
      })
      .catch((error) => this.setData({ submitting: false, phoneError: PHONE_MESSAGES[error.code] || error.message }));
  },

  skipPhone() {
    return this.done();
  },

  done() {
    if (this.back) wx.navigateBack({ delta: 1 });
    else wx.switchTab({ url: '/pages/home/home' });
  },

  // ---- WeChat's privacy authorisation dialog ----
  agreePrivacy() {
    privacy.answer(true);
    this.setData({ privacyDialog: false });
  },

  disagreePrivacy() {
    privacy.answer(false);
    this.setData({ privacyDialog: false });
  },

  openPrivacyContract() {
    wx.openPrivacyContract({});
  },
});
