// 备案自查 (notice §2, no login): the account's name and four yes/no questions; the server answers
// whether the account must file (any one of five criteria), which criteria apply and which local place
// names it found in the name (and in which county's dictionary). 去备案 opens the form with the account name, the
// matched township and the suggested county.
const api = require('../../utils/api');
const errors = require('../../utils/errors');

const NAME_MAX = 64;

/** The four questions of notice §2 besides the name (unanswered = 否, as the server treats them). */
const QUESTIONS = [
  { field: 'openedByLocalUnit', text: '是否由本县乡镇、机关、企事业单位、驻县单位或社会团体开设？' },
  { field: 'openedByLocalPersonOrCompany', text: '是否在本县范围内以个人或公司名义开办？' },
  { field: 'contentMainlyLocal', text: '内容是否主要涉及本县？' },
  { field: 'registrantLocal', text: '注册人或注册机构属地是否在本县？' },
];

const KIND_LABELS = {
  COUNTY_NAME: '县名',
  COUNTY_ALIAS: '县的别称',
  HISTORIC_NAME: '历史地名',
  TOWNSHIP_NAME: '乡镇名',
  TOWNSHIP_ALIAS: '乡镇别称',
  LOCAL_FEATURE: '本地特征词',
};

function emptyAnswers() {
  const answers = {};
  QUESTIONS.forEach((q) => {
    answers[q.field] = false;
  });
  return answers;
}

Page({
  data: {
    questions: QUESTIONS,
    accountName: '',
    answers: emptyAnswers(),
    nameError: '',
    checking: false,
    error: null,
    result: null,
  },

  onLoad(query) {
    if (query && query.accountName) this.setData({ accountName: decodeURIComponent(query.accountName) });
  },

  onNameInput(event) {
    this.setData({ accountName: event.detail.value, nameError: '' });
  },

  /** A question's switch (data-field names the question). */
  onAnswer(event) {
    this.setData({ ['answers.' + event.currentTarget.dataset.field]: !!event.detail.value, result: null });
  },

  check() {
    if (this.data.checking) return Promise.resolve();
    const accountName = (this.data.accountName || '').trim();
    if (!accountName) {
      this.setData({ nameError: '请填写公众号名称' });
      return Promise.resolve();
    }
    if (accountName.length > NAME_MAX) {
      this.setData({ nameError: `公众号名称不能超过${NAME_MAX}个字` });
      return Promise.resolve();
    }
    this.setData({ checking: true, error: null, nameError: '', result: null });
    const body = Object.assign({ accountName }, this.data.answers);
    return api.post('/api/mini/self-check', body, { auth: false })
      .then((answer) => this.setData({ checking: false, result: this.present(answer) }))
      .catch((error) => {
        const byField = errors.fieldMessages(error);
        if (byField.accountName) {
          this.setData({ checking: false, nameError: byField.accountName });
          return;
        }
        this.setData({ checking: false, error: { message: error.message, retryable: error.retryable } });
      });
  },

  retry() {
    return this.check();
  },

  /** The answer as the page shows it. */
  present(answer) {
    const matched = (answer.matchedTerms || []).map((m) => ({
      term: m.term,
      kind: KIND_LABELS[m.kind] || '',
      township: m.township || '',
      county: m.countyCode || '',
    }));
    const suggested = answer.suggestedCountyCode || '';
    const withTownship = matched.find((m) => m.township && (!suggested || !m.county || m.county === suggested));
    return {
      filingRequired: !!answer.filingRequired,
      conclusion: answer.conclusion,
      criteria: (answer.criteria || []).filter((c) => c.met).map((c) => c.description),
      matched,
      matchedNames: matched.map((m) => m.term).join('、'),
      township: withTownship ? withTownship.township : '',
      // the county whose place names the name carries (none when it is unclear): the form pre-selects it
      county: suggested,
      counties: (answer.matchedCounties || []).map((c) => c.countyName).join('、'),
      normalizedName: answer.normalizedName,
    };
  },

  /** 去备案: the form, with what the check already knows. */
  goFile() {
    const result = this.data.result;
    let url = '/pages/form/form?accountName=' + encodeURIComponent((this.data.accountName || '').trim());
    if (result && result.township) url += '&township=' + encodeURIComponent(result.township);
    if (result && result.county) url += '&county=' + encodeURIComponent(result.county);
    wx.navigateTo({ url });
  },
});
