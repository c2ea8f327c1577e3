// The filing form's rules, the same as the server's (cn.cac.gzh.common.identifiers and FilingForm /
// FilingCompleteness), so that the operator sees a mistake at its field before sending. The identifier
// checks are strict like the server's validators (no surrounding spaces, USCC and organisation codes in
// upper case); the form normalises what the operator typed (normalize*) before checking and sending.
// shared/identifier-cases.json holds the cases both sides must agree on.

// ---- identifiers ----------------------------------------------------------------------------------

/** Mainland province-level codes of GB/T 2260 (also the issuing office of a foreigner's permanent residence ID). */
const MAINLAND_PROVINCE_CODES = ['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65'];
/** First two digits the server accepts (ResidentIdNumbers): mainland, Taiwan's legacy 71, and the residence
 * permits of Hong Kong (81), Macao (82) and Taiwan (83) residents. */
const PROVINCE_CODES = MAINLAND_PROVINCE_CODES.concat(['71', '81', '82', '83']);
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';
const EARLIEST_BIRTH_DATE = '1850-01-01';

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const ORG_FORMAT = /^([0-9A-Z]{8})-?([0-9X])$/;
// (?:\+?86[ -]?)? then 1[3-9] and nine digits, as MobileNumbers.FORMAT
const MOBILE_FORMAT = /^(?:\+?86[ -]?)?(1[3-9][0-9]{9})$/;

function pad(n) {
  return (n < 10 ? '0' : '') + n;
}

/** Today's date (yyyy-MM-dd) in Beijing time, as the server counts birth and opening dates. */
function todayInBeijing(now) {
  const d = new Date((now === undefined ? Date.now() : now) + 8 * 3600 * 1000);
  return d.getUTCFullYear() + '-' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate());
}

/** yyyy-MM-dd if the numbers make a calendar date, else null. */
function calendarDate(year, month, day) {
  if (month < 1 || month > 12 || day < 1) return null;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (day > days) return null;
  return ('000' + year).slice(-4) + '-' + pad(month) + '-' + pad(day);
}

/** GB 11643 check character of the first 17 digits. */
function residentIdCheckChar(first17) {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += (first17.charCodeAt(i) - 48) * ID_WEIGHTS[i];
  return ID_CHECK_CHARS.charAt(sum % 11);
}

/** VALID, FORMAT, PROVINCE, BIRTH_DATE or CHECKSUM, in the server's order (ResidentIdNumbers.validate). */
function residentIdResult(value, today) {
  if (typeof value !== 'string' || !/^[0-9]{17}[0-9Xx]$/.test(value)) return 'FORMAT';
  // a foreigner's permanent residence ID (2023): 9, the issuing province, a nationality code, then as above
  const knownAddress = value.charAt(0) === '9'
    ? MAINLAND_PROVINCE_CODES.indexOf(value.substring(1, 3)) >= 0
    : PROVINCE_CODES.indexOf(value.substring(0, 2)) >= 0;
  if (!knownAddress) return 'PROVINCE';
  const birth = calendarDate(Number(value.substring(6, 10)), Number(value.substring(10, 12)), Number(value.substring(12, 14)));
  if (!birth || birth < EARLIEST_BIRTH_DATE || birth > (today || todayInBeijing())) return 'BIRTH_DATE';
  if (value.charAt(17).toUpperCase() !== residentIdCheckChar(value.substring(0, 17))) return 'CHECKSUM';
  return 'VALID';
}

/** GB 11714 check character of an eight-character body. */
function organizationCodeCheckChar(body) {
  let sum = 0;
  for (let i = 0; i < 8; i += 1) {
    const c = body.charAt(i);
    const v = c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 55; // A=10 … Z=35
    sum += v * ORG_WEIGHTS[i];
  }
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  if (check === 11) return '0';
  return String(check);
}

/** VALID, FORMAT or CHECKSUM (OrganizationCodes.validate): with or without the hyphen, upper case only. */
function organizationCodeResult(value) {
  const m = typeof value === 'string' ? ORG_FORMAT.exec(value) : null;
  if (!m) return 'FORMAT';
  return organizationCodeCheckChar(m[1]) === m[2] ? 'VALID' : 'CHECKSUM';
}

function usccCheckChar(first17) {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += USCC_ALPHABET.indexOf(first17.charAt(i)) * USCC_WEIGHTS[i];
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** VALID, FORMAT, CHECKSUM or EMBEDDED_ORGANIZATION_CODE (UnifiedSocialCreditCodes.validate). */
function usccResult(value) {
  if (typeof value !== 'string' || value.length !== 18) return 'FORMAT';
  for (let i = 0; i < 18; i += 1) if (USCC_ALPHABET.indexOf(value.charAt(i)) < 0) return 'FORMAT';
  if (value.charAt(17) !== usccCheckChar(value.substring(0, 17))) return 'CHECKSUM';
  if (organizationCodeResult(value.substring(8, 17)) !== 'VALID') return 'EMBEDDED_ORGANIZATION_CODE';
  return 'VALID';
}

const isResidentId = (value, today) => residentIdResult(value, today) === 'VALID';
const isUscc = (value) => usccResult(value) === 'VALID';
const isOrganizationCode = (value) => organizationCodeResult(value) === 'VALID';
/** 统一社会信用代码 or 组织机构代码, as the server's @UnitCode. */
const isUnitCode = (value) => isUscc(value) || isOrganizationCode(value);
/** MobileNumbers.isValid: 11 digits 13…19, optionally +86 / 86 with a space or hyphen; no surrounding spaces. */
const isMobile = (value) => typeof value === 'string' && MOBILE_FORMAT.test(value);

// The server's messages (ResidentIdNumberValidator, @UnitCode, @MobileNumber).
const ID_MESSAGES = {
  FORMAT: '身份证号码格式应为18位，最后一位可为X',
  PROVINCE: '身份证号码前两位不是有效的省级行政区划代码',
  BIRTH_DATE: '身份证号码中的出生日期无效或晚于今天',
  CHECKSUM: '身份证号码校验位不正确',
};
const UNIT_CODE_MESSAGE = '应为有效的统一社会信用代码或组织机构代码';
const MOBILE_MESSAGE = '手机号码无效';
const REQUIRED_MESSAGE = '提交前必须填写';

// ---- the form ----------------------------------------------------------------------------------------

/** What the server normalises anyway, done before checking: trimmed, codes in upper case. */
function normalizeText(value) {
  if (value === undefined || value === null) return null;
  const s = String(value).trim();
  return s === '' ? null : s;
}
const normalizeCode = (value) => {
  const s = normalizeText(value);
  return s === null ? null : s.toUpperCase();
};

/** A value the server sent back masked (ID numbers 110***********002X, phones 139****5678). */
const isMasked = (value) => typeof value === 'string' && value.indexOf('*') >= 0;

/** Field paths (as in the server's fieldErrors) with their Chinese labels, lengths and the step they are on. */
const FIELDS = {
  formType: { label: '备案类型', step: 1 },
  'account.name': { label: '公众号名称', max: 64, step: 0 },
  'account.wechatId': { label: '微信号', step: 0 },
  'account.originalId': { label: '原始ID', step: 0 },
  'account.type': { label: '账号类型', step: 0 },
  'account.openedOn': { label: '开通日期', step: 0 },
  'account.contentCategory': { label: '内容类别', max: 32, step: 0 },
  'account.registrationPlace': { label: '注册地', max: 100, step: 0 },
  'account.operatingPlace': { label: '运营地', max: 100, step: 0 },
  'account.township': { label: '所在乡镇（办事处）', max: 32, step: 0 },
  'account.businessScope': { label: '主营业务范围', max: 500, step: 0 },
  'unit.name': { label: '单位名称', max: 100, step: 1 },
  'unit.type': { label: '单位类型', step: 1 },
  'unit.creditCode': { label: '统一社会信用代码/组织机构代码', step: 1 },
  'unit.address': { label: '单位地址', max: 200, step: 1 },
  'unit.responsiblePerson.name': { label: '负责人姓名', max: 32, step: 2 },
  'unit.responsiblePerson.idNumber': { label: '负责人身份证号码', step: 2 },
  'unit.responsiblePerson.phone': { label: '负责人手机号码', step: 2 },
  'unit.administrator.name': { label: '管理员姓名', max: 32, step: 2 },
  'unit.administrator.idNumber': { label: '管理员身份证号码', step: 2 },
  'unit.administrator.phone': { label: '管理员手机号码', step: 2 },
  'unit.administrator.position': { label: '管理员职务', max: 32, step: 2 },
  'individual.selfEmployed': { label: '是否个体经营者', step: 1 },
  'individual.businessName': { label: '字号名称', max: 100, step: 1 },
  'individual.licenceNumber': { label: '营业执照号码', max: 32, step: 1 },
  'individual.name': { label: '姓名', max: 32, step: 2 },
  'individual.idNumber': { label: '身份证号码', step: 2 },
  'individual.phone': { label: '手机号码', step: 2 },
  'individual.address': { label: '住址', max: 200, step: 2 },
};

/** What FilingCompleteness requires before submission, per form type. */
function requiredFields(formType, selfEmployed) {
  const account = ['account.name', 'account.originalId', 'account.type', 'account.openedOn', 'account.contentCategory',
    'account.registrationPlace', 'account.operatingPlace'];
  if (formType === 'UNIT') {
    return account.concat(['account.businessScope', 'unit.name', 'unit.type', 'unit.creditCode', 'unit.address',
      'unit.responsiblePerson.name', 'unit.responsiblePerson.idNumber', 'unit.responsiblePerson.phone',
      'unit.administrator.name', 'unit.administrator.idNumber', 'unit.administrator.phone', 'unit.administrator.position']);
  }
  const individual = ['individual.name', 'individual.idNumber', 'individual.phone', 'individual.address'];
  if (selfEmployed === true) individual.push('individual.businessName', 'individual.licenceNumber');
  return account.concat(individual);
}

function get(form, path) {
  return path.split('.').reduce((node, key) => (node === undefined || node === null ? undefined : node[key]), form);
}

/** The field path of a server field error, without the request's wrapper ("form.unit.name" → "unit.name"). */
function fieldPath(serverField) {
  return String(serverField || '').replace(/^form\./, '');
}

/** The step a field is on (0 公众号信息, 1 表一/表二, 2 负责人/个人信息); -1 when it is not a form field (materials). */
function stepOf(path) {
  const field = FIELDS[fieldPath(path)];
  return field ? field.step : -1;
}

function labelOf(path) {
  const field = FIELDS[fieldPath(path)];
  return field ? field.label : null;
}

/**
 * Format errors of a form as the server checks them on every save: {path: message}. The form is what
 * will be sent (normalised). options.keptIds: ID paths sent as null because the stored number is kept.
 */
function formatErrors(form, options) {
  const today = (options && options.today) || todayInBeijing();
  const errors = {};
  const put = (path, message) => {
    if (!errors[path]) errors[path] = message;
  };
  if (!form || !form.formType) put('formType', '请选择备案类型');
  const account = (form && form.account) || {};
  if (!normalizeText(account.name)) put('account.name', '请填写公众号名称');
  Object.keys(FIELDS).forEach((path) => {
    const value = get(form, path);
    if (typeof value === 'string' && FIELDS[path].max && value.length > FIELDS[path].max) {
      put(path, FIELDS[path].label + '不能超过' + FIELDS[path].max + '个字');
    }
  });
  if (account.wechatId && !/^[A-Za-z][-_A-Za-z0-9]{5,19}$/.test(account.wechatId)) {
    put('account.wechatId', '微信号应为6至20位字母、数字、下划线或减号，并以字母开头');
  }
  if (account.originalId && !/^gh_[0-9a-fA-F]{12}$/.test(account.originalId)) put('account.originalId', '原始ID应为 gh_ 加12位字母或数字');
  if (account.openedOn && account.openedOn > today) put('account.openedOn', '开通日期不能晚于今天');
  const ids = form && form.formType === 'UNIT' ? ['unit.responsiblePerson', 'unit.administrator'] : ['individual'];
  ids.forEach((prefix) => {
    const id = get(form, prefix + '.idNumber');
    if (id) {
      const result = residentIdResult(id, today);
      if (result !== 'VALID') put(prefix + '.idNumber', ID_MESSAGES[result]);
    }
    const phone = get(form, prefix + '.phone');
    if (phone && isMasked(phone)) put(prefix + '.phone', '号码已隐藏，请重新输入完整的手机号码');
    else if (phone && !isMobile(phone)) put(prefix + '.phone', MOBILE_MESSAGE);
  });
  if (form && form.formType === 'UNIT') {
    const code = get(form, 'unit.creditCode');
    if (code && !isUnitCode(code)) put('unit.creditCode', UNIT_CODE_MESSAGE);
  }
  return errors;
}

/** Fields still empty that submission requires: {path: '提交前必须填写'}; keptIds count as filled. */
function missingFields(form, options) {
  const kept = (options && options.keptIds) || [];
  const missing = {};
  if (!form || !form.formType) return missing;
  requiredFields(form.formType, get(form, 'individual.selfEmployed')).forEach((path) => {
    const value = get(form, path);
    const empty = value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
    if (empty && kept.indexOf(path) < 0) missing[path] = REQUIRED_MESSAGE;
  });
  return missing;
}

module.exports = {
  PROVINCE_CODES,
  FIELDS,
  ID_MESSAGES,
  UNIT_CODE_MESSAGE,
  MOBILE_MESSAGE,
  REQUIRED_MESSAGE,
  todayInBeijing,
  residentIdResult,
  residentIdCheckChar,
  usccResult,
  usccCheckChar,
  organizationCodeResult,
  organizationCodeCheckChar,
  isResidentId,
  isUscc,
  isOrganizationCode,
  isUnitCode,
  isMobile,
  isMasked,
  normalizeText,
  normalizeCode,
  requiredFields,
  fieldPath,
  stepOf,
  labelOf,
  formatErrors,
  missingFields,
};
