// utils/validation.js over the identifier table the server's SharedIdentifierCasesTest runs too.
const cases = require('../shared/identifier-cases.json');
const v = require('../utils/validation');

describe('identifier cases shared with the server', () => {
  test('every kind has at least 8 cases, valid and invalid ones', () => {
    ['residentId', 'uscc', 'organizationCode', 'unitCode', 'mobile'].forEach((kind) => {
      expect(cases[kind].length).toBeGreaterThanOrEqual(8);
      expect(cases[kind].some((c) => c.valid)).toBe(true);
      expect(cases[kind].some((c) => !c.valid)).toBe(true);
    });
  });

  test.each(cases.residentId.map((c) => [c.value, c.result, c.valid]))('resident ID %p → %s', (value, result, valid) => {
    expect(v.residentIdResult(value, cases.today)).toBe(result);
    expect(v.isResidentId(value, cases.today)).toBe(valid);
  });

  test.each(cases.uscc.map((c) => [c.value, c.result, c.valid]))('USCC %p → %s', (value, result, valid) => {
    expect(v.usccResult(value)).toBe(result);
    expect(v.isUscc(value)).toBe(valid);
  });

  test.each(cases.organizationCode.map((c) => [c.value, c.result, c.valid]))('organisation code %p → %s', (value, result, valid) => {
    expect(v.organizationCodeResult(value)).toBe(result);
    expect(v.isOrganizationCode(value)).toBe(valid);
  });

  test.each(cases.unitCode.map((c) => [c.value, c.valid]))('unit code %p → %p', (value, valid) => {
    expect(v.isUnitCode(value)).toBe(valid);
  });

  test.each(cases.mobile.map((c) => [c.value, c.valid]))('mobile %p → %p', (value, valid) => {
    expect(v.isMobile(value)).toBe(valid);
  });
});

describe('form rules', () => {
  const today = '2025-06-15';

  test('a draft needs only its type and account name, but every given field must be well-formed', () => {
    expect(v.formatErrors({ formType: 'UNIT', account: { name: '睢县发布' } }, { today })).toEqual({});
    const errors = v.formatErrors({ formType: 'UNIT', account: { name: '', wechatId: '1abc', originalId: 'gh_12', openedOn: '2025-06-16' },
      unit: { creditCode: '91310110666007217A', responsiblePerson: { idNumber: '110105199003071238', phone: '12912345678' } } }, { today });
    expect(errors).toEqual({
      'account.name': '请填写公众号名称',
      'account.wechatId': '微信号应为6至20位字母、数字、下划线或减号，并以字母开头',
      'account.originalId': '原始ID应为 gh_ 加12位字母或数字',
      'account.openedOn': '开通日期不能晚于今天',
      'unit.creditCode': '应为有效的统一社会信用代码或组织机构代码',
      'unit.responsiblePerson.idNumber': '身份证号码校验位不正确',
      'unit.responsiblePerson.phone': '手机号码无效',
    });
  });

  test('lengths as the server limits them; a masked phone must be typed again', () => {
    const errors = v.formatErrors({ formType: 'INDIVIDUAL', account: { name: 'x'.repeat(65) }, individual: { phone: '139****5678', address: '地'.repeat(201) } }, { today });
    expect(errors['account.name']).toBe('公众号名称不能超过64个字');
    expect(errors['individual.address']).toBe('住址不能超过200个字');
    expect(errors['individual.phone']).toBe('号码已隐藏，请重新输入完整的手机号码');
  });

  test('required for submission per form type, as FilingCompleteness', () => {
    const unit = v.missingFields({ formType: 'UNIT', account: { name: 'a' } });
    expect(Object.keys(unit)).toEqual(expect.arrayContaining(['account.businessScope', 'unit.creditCode', 'unit.administrator.position']));
    expect(unit['account.wechatId']).toBeUndefined();
    const person = v.missingFields({ formType: 'INDIVIDUAL', account: { name: 'a' }, individual: { selfEmployed: false } });
    expect(person['account.businessScope']).toBeUndefined();
    expect(person['individual.licenceNumber']).toBeUndefined();
    const selfEmployed = v.missingFields({ formType: 'INDIVIDUAL', account: { name: 'a' }, individual: { selfEmployed: true } }, { keptIds: ['individual.idNumber'] });
    expect(selfEmployed['individual.licenceNumber']).toBe('提交前必须填写');
    expect(selfEmployed['individual.idNumber']).toBeUndefined();
  });

  test('server field paths map to their step, with or without the request wrapper', () => {
    expect(v.stepOf('account.originalId')).toBe(0);
    expect(v.stepOf('unit.creditCode')).toBe(1);
    expect(v.stepOf('form.unit.responsiblePerson.idNumber')).toBe(2);
    expect(v.stepOf('materials.ID_CARD')).toBe(-1);
    expect(v.labelOf('form.individual.phone')).toBe('手机号码');
  });

  test('today is counted in Beijing time', () => {
    expect(v.todayInBeijing(Date.UTC(2025, 5, 14, 16, 30))).toBe('2025-06-15');
    expect(v.todayInBeijing(Date.UTC(2025, 5, 14, 15, 59))).toBe('2025-06-14');
  });
});
