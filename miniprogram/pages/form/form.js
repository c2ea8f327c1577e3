// The filing form in steps: 1 公众号信息, 2 表一 单位 / 表二 个人, 3 负责人/管理员 or 个人信息, 4 确认.
// Checked with the server's rules (utils/validation.js) before sending; the server's field errors are
// shown at their field, on their step. Modes: new (POST), edit (PUT {version, form}) and change
// (申请变更 of an approved filing: POST …/change-request {version, form}, checked for completeness).
// ID numbers come back masked: an unchanged masked ID is sent as null, which keeps the stored one.
// When the deployment serves several counties (utils/regions.js), step 1 offers 所属县（区）: the filing's
// own county (for a new filing from 备案自查, the county its name points to), else the default, sent as countyCode; read-only once the filing has a number. With one
// county (or when the counties cannot be read) there is no choice and countyCode is not sent.
const api = require('../../utils/api');
const regions = require('../../utils/regions');
const subscribe = require('../../utils/subscribe');
const validation = require('../../utils/validation');
const common = require('../filing/common');

const CONFIRM_STEP = 3;
const COUNTY_LABEL = '所属县（区）';
const ID_PATHS = ['unit.responsiblePerson.idNumber', 'unit.administrator.idNumber', 'individual.idNumber'];
const TITLES = {
  UNIT: ['公众号信息', '表一 单位', '负责人/管理员', '确认'],
  INDIVIDUAL: ['公众号信息', '表二 个人', '个人信息', '确认'],
  NONE: ['公众号信息', '表一 单位 / 表二 个人', '负责人/管理员', '确认'],
};

const key = (path) => path.replace(/\./g, '_');

function get(form, path) {
  return path.split('.').reduce((node, k) => (node === undefined || node === null ? undefined : node[k]), form);
}

/** The form with every section present, so that fields can be set by path. */
function complete(form) {
  const f = form || {};
  const unit = f.unit || {};
  return {
    formType: f.formType || null,
    countyCode: f.countyCode || null,
    account: Object.assign({}, f.account || {}),
    unit: Object.assign({}, unit, {
      responsiblePerson: Object.assign({}, unit.responsiblePerson || {}),
      administrator: Object.assign({}, unit.administrator || {}),
    }),
    individual: Object.assign({ selfEmployed: false }, f.individual || {}),
  };
}

/** A query value as the page gets it (encoded by the page that navigated here), or '' when absent or broken. */
function queryValue(value) {
  if (typeof value !== 'string' || !value) return '';
  try {
    return decodeURIComponent(value).trim();
  } catch (e) {
    return '';
  }
}

/**
 * A new filing begun from 备案自查: the account name, the township and the county (the one whose place names the
 * name carries) it found; the county is chosen only when it is one the deployment serves (countyCode() checks).
 */
function prefilled(q) {
  const form = complete(null);
  const name = queryValue(q.accountName);
  const township = queryValue(q.township);
  const county = queryValue(q.county);
  if (name) form.account.name = name;
  if (township) form.account.township = township;
  if (/^\d{6}$/.test(county)) form.countyCode = county;
  return form;
}

/** The fields of a step: path, input kind and, for some, choices, hints and the input's length limit. */
function definitions(step, form) {
  const text = (path, extra) => Object.assign({ path, kind: 'text' }, extra || {});
  if (step === 0) {
    return [
      text('account.name'),
      text('account.wechatId', { placeholder: '如 sxfabu', maxlength: 20 }),
      text('account.originalId', { placeholder: '如 gh_0123456789ab', maxlength: 15, hint: '公众平台“设置与开发—公众号设置”中可查' }),
      { path: 'account.type', kind: 'picker', options: common.ACCOUNT_TYPES },
      { path: 'account.openedOn', kind: 'date' },
      text('account.contentCategory', { placeholder: '如 新闻资讯、政务服务、生活服务' }),
      text('account.registrationPlace', { placeholder: '如 河南省商丘市睢县' }),
      text('account.operatingPlace'),
      text('account.township'),
      { path: 'account.businessScope', kind: 'textarea', hint: '单位必填' },
    ];
  }
  if (step === 1) {
    if (form.formType === 'UNIT') {
      return [
        text('unit.name'),
        { path: 'unit.type', kind: 'picker', options: common.UNIT_TYPES },
        text('unit.creditCode', { placeholder: '18位统一社会信用代码，或组织机构代码', maxlength: 18 }),
        text('unit.address'),
      ];
    }
    if (form.formType === 'INDIVIDUAL') {
      const fields = [{ path: 'individual.selfEmployed', kind: 'switch' }];
      if (form.individual.selfEmployed) fields.push(text('individual.businessName'), text('individual.licenceNumber'));
      return fields;
    }
    return [];
  }
  if (step === 2) {
    const id = (path) => ({ path, kind: 'idcard', maxlength: 18 });
    const phone = (path) => ({ path, kind: 'text', maxlength: 16, placeholder: '11位手机号码' });
    if (form.formType === 'UNIT') {
      return [
        text('unit.responsiblePerson.name'), id('unit.responsiblePerson.idNumber'), phone('unit.responsiblePerson.phone'),
        text('unit.administrator.name'), id('unit.administrator.idNumber'), phone('unit.administrator.phone'),
        text('unit.administrator.position'),
      ];
    }
    if (form.formType === 'INDIVIDUAL') {
      return [text('individual.name'), id('individual.idNumber'), phone('individual.phone'), text('individual.address')];
    }
  }
  return [];
}

function display(def, value) {
  if (def.kind === 'picker') return common.labelOf(def.options, value);
  if (def.kind === 'switch') return value ? '是' : '否';
  return value === undefined || value === null ? '' : String(value);
}

Page({
  data: {
    mode: 'new', id: null, version: null, status: null, loading: false, step: 0, titles: TITLES.NONE,
    formTypes: common.FORM_TYPES, form: complete(null), fields: [], errors: {}, formError: '', problems: [],
    conflict: false, saving: false, blocked: false, summary: [], missing: [], today: validation.todayInBeijing(),
    counties: [], countyIndex: 0, countyName: '', countyLocked: false,
  },

  onLoad(query) {
    const q = query || {};
    this.maskedIds = {};
    this.countyOptions = null;
    subscribe.preload();
    // the counties never fail: without them there is no choice to offer
    const counties = regions.load().then((answer) => this.useCounties(answer));
    if (q.id) {
      this.setData({ id: q.id, mode: q.mode === 'change' ? 'change' : 'edit' });
      this.loaded = Promise.all([this.load(), counties]);
    } else {
      this.setData({ form: prefilled(q) });
      this.refresh();
      this.loaded = counties;
    }
  },

  /** The counties served: a choice only when there are several. */
  useCounties(answer) {
    const list = answer.counties.map((c) => ({ code: c.code, name: c.name }));
    this.countyOptions = list.length > 1 ? { counties: list, defaultCountyCode: answer.defaultCountyCode } : null;
    this.setData({ counties: this.countyOptions ? list : [] });
    this.refresh();
  },

  /** The county sent with the form: the chosen one, else the filing's own, else the default; null without a choice. */
  countyCode() {
    if (!this.countyOptions) return null;
    const list = this.countyOptions.counties;
    const own = this.data.form.countyCode;
    if (this.data.countyLocked) return own || null;
    const listed = (code) => !!code && list.some((c) => c.code === code);
    if (listed(own)) return own;
    return listed(this.countyOptions.defaultCountyCode) ? this.countyOptions.defaultCountyCode : list[0].code;
  },

  load() {
    this.setData({ loading: true, formError: '', conflict: false, errors: {}, problems: [] });
    return api.get('/api/mini/filings/' + this.data.id).then((filing) => {
      const form = complete(filing.form);
      this.maskedIds = {};
      ID_PATHS.forEach((path) => {
        const value = get(form, path);
        if (validation.isMasked(value)) this.maskedIds[path] = value;
      });
      const allowed = this.data.mode === 'change' ? filing.status === 'APPROVED' : common.unfinished(filing.status);
      this.setData({
        loading: false, form, version: filing.version, status: filing.status, countyLocked: !!filing.filingNumber,
        blocked: !allowed,
        formError: allowed ? '' : '该备案当前为“' + filing.statusLabel + '”，不能在这里修改',
      });
      this.refresh();
    }).catch((error) => {
      this.setData({ loading: false });
      if (common.needsLogin(error)) common.goLogin();
      else this.setData({ formError: error.message });
    });
  },

  reload() {
    return this.load();
  },

  /** The current step's fields (values, errors, required marks), the titles and the confirmation summary. */
  refresh() {
    const form = this.data.form;
    // before the form type is chosen, the account fields both forms require are marked
    const required = validation.requiredFields(form.formType || 'INDIVIDUAL', form.individual.selfEmployed);
    const view = (def) => {
      const field = validation.FIELDS[def.path];
      const value = get(form, def.path);
      const options = def.options || null;
      return {
        path: def.path,
        key: key(def.path),
        kind: def.kind,
        label: field.label,
        value: value === undefined || value === null ? (def.kind === 'switch' ? false : '') : value,
        display: display(def, value),
        options,
        index: options ? Math.max(0, options.findIndex((o) => o.value === value)) : 0,
        placeholder: def.placeholder || '',
        hint: def.hint || '',
        maxlength: def.maxlength || field.max || 140,
        required: required.indexOf(def.path) >= 0,
        error: this.data.errors[key(def.path)] || '',
      };
    };
    const changes = {
      fields: definitions(this.data.step, form).map(view),
      titles: TITLES[form.formType] || TITLES.NONE,
    };
    const county = this.countyCode();
    if (county) {
      const index = this.countyOptions.counties.findIndex((c) => c.code === county);
      changes.countyIndex = Math.max(0, index);
      changes.countyName = index >= 0 ? this.countyOptions.counties[index].name : county;
    }
    if (this.data.step === CONFIRM_STEP) {
      changes.summary = [0, 1, 2].reduce((rows, step) => rows.concat(definitions(step, form).map(view)), [])
        .filter((f) => f.kind === 'switch' || f.display !== '')
        .map((f) => ({ path: f.path, label: f.label, value: validation.isMasked(f.display) && this.maskedIds[f.path] === f.display ? f.display + '（不修改）' : f.display }));
      if (county) changes.summary.unshift({ path: 'countyCode', label: COUNTY_LABEL, value: changes.countyName });
      const missing = validation.missingFields(this.payload(), { keptIds: Object.keys(this.maskedIds) });
      changes.missing = Object.keys(missing).map((path) => validation.labelOf(path));
    }
    this.setData(changes);
  },

  // ---- input -------------------------------------------------------------------------------------

  set(path, value) {
    const errors = Object.assign({}, this.data.errors);
    delete errors[key(path)];
    this.setData({ ['form.' + path]: value, errors });
    this.refresh();
  },

  onInput(event) {
    this.set(event.currentTarget.dataset.path, event.detail.value);
  },

  onPick(event) {
    const def = definitions(this.data.step, this.data.form).find((d) => d.path === event.currentTarget.dataset.path);
    const option = def && def.options[Number(event.detail.value)];
    if (option) this.set(def.path, option.value);
  },

  onCounty(event) {
    const county = this.countyOptions && !this.data.countyLocked && this.countyOptions.counties[Number(event.detail.value)];
    if (county) this.set('countyCode', county.code);
  },

  onDate(event) {
    this.set(event.currentTarget.dataset.path, event.detail.value);
  },

  onSwitch(event) {
    this.set(event.currentTarget.dataset.path, !!event.detail.value);
  },

  chooseType(event) {
    const errors = Object.assign({}, this.data.errors);
    delete errors.formType;
    this.setData({ 'form.formType': event.currentTarget.dataset.value, errors });
    this.refresh();
  },

  // ---- steps -------------------------------------------------------------------------------------

  goto(step) {
    this.setData({ step });
    this.refresh();
  },

  next() {
    const step = this.data.step;
    const errors = this.check().filter((path) => validation.stepOf(path) === step);
    if (step === 1 && !this.data.form.formType) errors.unshift('formType');
    if (errors.length) {
      this.showErrors(this.errorsFor(errors), false);
      return false;
    }
    this.goto(Math.min(CONFIRM_STEP, step + 1));
    return true;
  },

  prev() {
    this.goto(Math.max(0, this.data.step - 1));
  },

  goStep(event) {
    const step = Number(event.currentTarget.dataset.step);
    if (step < this.data.step) this.goto(step);
    else while (this.data.step < step && this.next()) { /* forward only through valid steps */ }
  },

  // ---- checking and saving -----------------------------------------------------------------------

  /** The form as it is sent: trimmed, codes in upper case, the other form type left out, kept IDs as null. */
  payload() {
    const f = this.data.form;
    const t = validation.normalizeText;
    const a = f.account;
    const id = (path) => {
      const value = validation.normalizeCode(get(f, path));
      if (value === null) return null;
      const masked = this.maskedIds && this.maskedIds[path];
      return masked && value === masked.toUpperCase() ? null : value;
    };
    const form = {
      formType: f.formType || null,
      account: {
        name: t(a.name), wechatId: t(a.wechatId), originalId: t(a.originalId), type: a.type || null,
        openedOn: a.openedOn || null, contentCategory: t(a.contentCategory), registrationPlace: t(a.registrationPlace),
        operatingPlace: t(a.operatingPlace), township: t(a.township), businessScope: t(a.businessScope),
      },
      unit: null,
      individual: null,
    };
    const county = this.countyCode();
    if (county) {
      form.countyCode = county;
      regions.choose(county); // 联系我们 then shows this county's office
    }
    if (f.formType === 'UNIT') {
      const u = f.unit;
      form.unit = {
        name: t(u.name), type: u.type || null, creditCode: validation.normalizeCode(u.creditCode), address: t(u.address),
        responsiblePerson: { name: t(u.responsiblePerson.name), idNumber: id('unit.responsiblePerson.idNumber'), phone: t(u.responsiblePerson.phone) },
        administrator: {
          name: t(u.administrator.name), idNumber: id('unit.administrator.idNumber'), phone: t(u.administrator.phone),
          position: t(u.administrator.position),
        },
      };
    } else if (f.formType === 'INDIVIDUAL') {
      const p = f.individual;
      const selfEmployed = !!p.selfEmployed;
      form.individual = {
        name: t(p.name), idNumber: id('individual.idNumber'), phone: t(p.phone), address: t(p.address), selfEmployed,
        businessName: selfEmployed ? t(p.businessName) : null, licenceNumber: selfEmployed ? t(p.licenceNumber) : null,
      };
    }
    return form;
  },

  /** The paths at fault, in form order: formats always; completeness too for a change request (it is submitted). */
  check() {
    const form = this.payload();
    const errors = validation.formatErrors(form);
    if (this.data.mode === 'change') {
      const missing = validation.missingFields(form, { keptIds: Object.keys(this.maskedIds) });
      Object.keys(missing).forEach((path) => {
        if (!errors[path]) errors[path] = missing[path];
      });
    }
    this.lastErrors = errors;
    return Object.keys(validation.FIELDS).filter((path) => errors[path]);
  },

  errorsFor(paths) {
    const all = this.lastErrors || {};
    const byKey = {};
    paths.forEach((path) => {
      byKey[key(path)] = all[path] || (path === 'formType' ? '请选择备案类型' : '');
    });
    return byKey;
  },

  /** Errors at their fields ({key: message}); with goToFirst, on the step of the first one. */
  showErrors(byKey, goToFirst, formError) {
    const steps = Object.keys(byKey).map((k) => validation.stepOf(k.replace(/_/g, '.'))).filter((s) => s >= 0);
    const changes = { errors: byKey, formError: formError || '请按提示修改' };
    if (goToFirst && steps.length) changes.step = Math.min.apply(null, steps);
    this.setData(changes);
    this.refresh();
  },

  save() {
    if (this.data.saving || this.data.blocked) return Promise.resolve();
    const paths = this.check();
    if (paths.length) {
      this.showErrors(this.errorsFor(paths), true, this.data.mode === 'change' ? '请填写完整并修改标红的内容' : '请按提示修改后再保存');
      return Promise.resolve();
    }
    const form = this.payload();
    let request;
    this.setData({ saving: true, formError: '', problems: [], conflict: false });
    if (this.data.mode === 'new') request = api.post('/api/mini/filings', form);
    else if (this.data.mode === 'edit') request = api.put('/api/mini/filings/' + this.data.id, { version: this.data.version, form });
    else {
      // a change request is submitted: the review-result dialog first, in the same tap (WeChat refuses it later)
      request = subscribe.ask(['REVIEW_RESULT']).then(() => api.post('/api/mini/filings/' + this.data.id + '/change-request',
        { version: this.data.version, form }));
    }
    return request.then((filing) => this.saved(filing)).catch((error) => this.failed(error));
  },

  saved(filing) {
    this.setData({ saving: false, version: filing.version });
    if (this.data.mode === 'new') {
      wx.showToast({ title: '已保存草稿', icon: 'success' });
      wx.redirectTo({ url: '/pages/filing/filing?id=' + filing.id });
      return null;
    }
    if (this.data.mode === 'change') {
      wx.showToast({ title: '变更已提交', icon: 'success' });
      wx.navigateBack();
      return null;
    }
    wx.showToast({ title: '已保存', icon: 'success' });
    wx.navigateBack();
    return null;
  },

  failed(error) {
    this.setData({ saving: false });
    if (common.needsLogin(error)) {
      common.goLogin();
      return;
    }
    if (error.code === 'VERSION_CONFLICT') {
      this.setData({ conflict: true, formError: '备案已在别处修改，请重新加载后再改（本页未保存的修改将丢失）' });
      return;
    }
    const atFields = {};
    const problems = [];
    (error.fieldErrors || []).forEach((e) => {
      const path = validation.fieldPath(e.field);
      if (validation.stepOf(path) >= 0) {
        if (!atFields[key(path)]) atFields[key(path)] = e.message;
      } else {
        problems.push(e.message);
      }
    });
    this.setData({ problems });
    if (Object.keys(atFields).length) this.showErrors(atFields, true, error.message);
    else this.setData({ formError: error.message });
  },
});
