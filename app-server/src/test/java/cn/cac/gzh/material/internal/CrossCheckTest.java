package cn.cac.gzh.material.internal;

import java.time.LocalDate;
import java.util.List;

import cn.cac.gzh.filing.FilingForm;
import cn.cac.gzh.filing.FormType;
import cn.cac.gzh.material.MaterialCheck.Outcome;
import cn.cac.gzh.material.MaterialCheck.Result;
import cn.cac.gzh.material.MaterialType;
import cn.cac.gzh.wechat.DocumentReading;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CrossCheckTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private static final String ID = "11010519491231002X";

    private static FilingForm unitForm(String responsibleName, String responsibleId) {
        var responsible = new FilingForm.PersonSection(responsibleName, responsibleId, "13912345678");
        var admin = new FilingForm.AdministratorSection("李四", "440524188001010014", "13812345678", "干事");
        var unit = new FilingForm.UnitSection("睢县融媒体中心", null, "91310110666007217T", "睢县凤城大道1号", responsible, admin);
        return new FilingForm(FormType.UNIT, new FilingForm.AccountSection("睢县发布", null, null, null, null, null, null, null,
                null, null), unit, null, null);
    }

    private static List<String> outcomes(List<Result> results) {
        return results.stream().map(r -> r.field() + "=" + r.outcome()).toList();
    }

    @Test
    void namesMatchAcrossTraditionalSimplifiedFullWidthSpacesAndMiddleDots() {
        assertThat(NameNormaliser.same("張三", "张三")).isTrue();
        assertThat(NameNormaliser.same("张　三", "张三")).isTrue();
        assertThat(NameNormaliser.same("阿依古丽·买买提", "阿依古丽买买提")).isTrue();
        assertThat(NameNormaliser.same("睢縣融媒體中心", "睢县融媒体中心")).isTrue();
        assertThat(NameNormaliser.same("ＡＢＣ科技有限公司", "abc科技有限公司")).isTrue();
        assertThat(NameNormaliser.same("张三", "张叁")).isFalse();
        assertThat(NameNormaliser.same("张三", "")).isFalse();
    }

    @Test
    void frontComparesNameAndNumber() {
        var same = CrossCheck.check(MaterialType.RESPONSIBLE_ID_FRONT, DocumentReading.idCard("Front", "張三", ID.toLowerCase(), null),
                unitForm("张三", ID), TODAY);
        assertThat(outcomes(same)).containsExactly("NAME=MATCH", "ID_NUMBER=MATCH");
        assertThat(same.get(1).recognised()).isEqualTo("110***********002X");

        var other = CrossCheck.check(MaterialType.RESPONSIBLE_ID_FRONT, DocumentReading.idCard("Front", "王五", "110105194912310037", null),
                unitForm("张三", ID), TODAY);
        assertThat(outcomes(other)).containsExactly("NAME=MISMATCH", "ID_NUMBER=MISMATCH");
        assertThat(other.get(0).message()).isEqualTo("照片中的姓名与填写的不一致，请核对");
        assertThat(other.get(1).message()).isEqualTo("照片中的身份证号码与填写的不一致，请核对");
        assertThat(other.toString()).doesNotContain("110105194912310037").doesNotContain(ID);
    }

    @Test
    void theAdministratorsCardIsComparedWithTheAdministrator() {
        var results = CrossCheck.check(MaterialType.ADMIN_ID_FRONT,
                DocumentReading.idCard("Front", "李四", "440524188001010014", null), unitForm("张三", ID), TODAY);
        assertThat(outcomes(results)).containsExactly("NAME=MATCH", "ID_NUMBER=MATCH");
    }

    @Test
    void aDraftWithoutTheFieldGivesNoResultAndAMissingReadingIsUnreadable() {
        var results = CrossCheck.check(MaterialType.RESPONSIBLE_ID_FRONT, DocumentReading.idCard("Front", null, ID, null),
                unitForm(null, ID), TODAY);
        assertThat(outcomes(results)).containsExactly("ID_NUMBER=MATCH");
        var blurred = CrossCheck.check(MaterialType.RESPONSIBLE_ID_FRONT, DocumentReading.idCard("Front", "", ID, null),
                unitForm("张三", ID), TODAY);
        assertThat(outcomes(blurred)).containsExactly("NAME=UNREADABLE", "ID_NUMBER=MATCH");
        assertThat(outcomes(CrossCheck.check(MaterialType.LICENCE, DocumentReading.unreadable(), unitForm("张三", ID), TODAY)))
                .containsExactly("DOCUMENT=UNREADABLE");
    }

    @Test
    void theWrongSideIsFlagged() {
        var back = CrossCheck.check(MaterialType.PERSON_ID_FRONT, DocumentReading.idCard("Back", null, null, "20160101-20360101"),
                unitForm("张三", ID), TODAY);
        assertThat(outcomes(back)).containsExactly("SIDE=MISMATCH");
        assertThat(back.get(0).message()).isEqualTo("照片不是身份证人像面，请核对");
        var front = CrossCheck.check(MaterialType.ADMIN_ID_BACK, DocumentReading.idCard("Front", "李四", ID, null),
                unitForm("张三", ID), TODAY);
        assertThat(front.get(0).message()).isEqualTo("照片不是身份证国徽面，请核对");
    }

    @Test
    void theBacksValidityIsCheckedAgainstToday() {
        assertThat(validity("20160101-20361231").outcome()).isEqualTo(Outcome.MATCH);
        assertThat(validity("20060101-长期").outcome()).isEqualTo(Outcome.MATCH);
        assertThat(validity("20061201-20261201").outcome()).as("valid through its last day").isEqualTo(Outcome.MATCH);
        Result expired = validity("20061130-20261130");
        assertThat(expired.outcome()).isEqualTo(Outcome.MISMATCH);
        assertThat(expired.message()).isEqualTo("身份证已过有效期（有效期至2026年11月30日），请上传有效证件");
        assertThat(validity("2016.01.01").outcome()).isEqualTo(Outcome.UNREADABLE);
        assertThat(validity("20160101-2036ABCD").outcome()).isEqualTo(Outcome.UNREADABLE);
        assertThat(validity(null).outcome()).isEqualTo(Outcome.UNREADABLE);
    }

    @Test
    void theLicenceIsComparedWithTable1() {
        var matching = CrossCheck.check(MaterialType.LICENCE,
                DocumentReading.licence("91310110666007217t", "睢縣融媒體中心", "张三"), unitForm("张三", ID), TODAY);
        assertThat(outcomes(matching)).containsExactly("CREDIT_CODE=MATCH", "UNIT_NAME=MATCH", "LEGAL_REPRESENTATIVE=MATCH");
        var other = CrossCheck.check(MaterialType.LICENCE,
                DocumentReading.licence("91110000100000000X", "睢县电视台", "赵六"), unitForm("张三", ID), TODAY);
        assertThat(outcomes(other)).containsExactly("CREDIT_CODE=MISMATCH", "UNIT_NAME=MISMATCH", "LEGAL_REPRESENTATIVE=MISMATCH");
        assertThat(other.get(2).message()).startsWith("执照上的法定代表人与填写的单位负责人不一致");
    }

    private static Result validity(String printed) {
        return CrossCheck.check(MaterialType.RESPONSIBLE_ID_BACK, DocumentReading.idCard("Back", null, null, printed),
                unitForm("张三", ID), TODAY).get(0);
    }
}
