package cn.cac.gzh.material.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;

import cn.cac.gzh.common.identifiers.Masking;
import cn.cac.gzh.filing.FilingForm;
import cn.cac.gzh.material.MaterialCheck.Field;
import cn.cac.gzh.material.MaterialCheck.Outcome;
import cn.cac.gzh.material.MaterialCheck.Result;
import cn.cac.gzh.material.MaterialType;
import cn.cac.gzh.wechat.DocumentReading;

/**
 * Compares what WeChat read from a photo with the form, field by field. A field the form does not have yet
 * (a draft) gives no result: there is nothing to compare. Pure: the same inputs give the same results.
 */
final class CrossCheck {

    private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy年MM月dd日");

    private CrossCheck() {
    }

    /** The person whose ID card a material type shows, as the form names them. */
    record Person(String name, String idNumber) {
    }

    static List<Result> check(MaterialType type, DocumentReading reading, FilingForm form, LocalDate today) {
        if (!reading.readable()) {
            return List.of(unreadable(Field.DOCUMENT, "未能识别照片中的证件，审核员将人工核对；如照片不清晰，可重新上传"));
        }
        return switch (type) {
            case RESPONSIBLE_ID_FRONT, ADMIN_ID_FRONT, PERSON_ID_FRONT -> front(reading, personOf(type, form));
            case RESPONSIBLE_ID_BACK, ADMIN_ID_BACK, PERSON_ID_BACK -> back(reading, today);
            case LICENCE -> licence(reading, form);
            default -> List.of();
        };
    }

    /** The types WeChat can read. */
    static boolean recognisable(MaterialType type) {
        return type != MaterialType.SIGNED_UNIT_FORM && type != MaterialType.SIGNED_INDIVIDUAL_FORM;
    }

    static boolean isIdCard(MaterialType type) {
        return recognisable(type) && type != MaterialType.LICENCE;
    }

    private static List<Result> front(DocumentReading reading, Person person) {
        if (!"Front".equalsIgnoreCase(reading.side())) {
            return List.of(mismatch(Field.SIDE, sideName(reading.side()), "人像面", "照片不是身份证人像面，请核对"));
        }
        List<Result> results = new ArrayList<>();
        compare(results, Field.NAME, reading.name(), person.name(), NameNormaliser::same, UnaryOperator.identity(),
                "照片中的姓名与填写的不一致，请核对");
        compare(results, Field.ID_NUMBER, reading.idNumber(), person.idNumber(),
                (a, b) -> code(a).equals(code(b)), v -> Masking.idNumber(code(v)), "照片中的身份证号码与填写的不一致，请核对");
        return results;
    }

    private static List<Result> back(DocumentReading reading, LocalDate today) {
        if (!"Back".equalsIgnoreCase(reading.side())) {
            return List.of(mismatch(Field.SIDE, sideName(reading.side()), "国徽面", "照片不是身份证国徽面，请核对"));
        }
        String printed = reading.validDate() == null ? "" : reading.validDate().strip();
        String[] parts = printed.split("-", 2);
        if (parts.length != 2) {
            return List.of(unreadable(Field.VALIDITY, "未能识别身份证有效期限，审核员将人工核对"));
        }
        if (parts[1].strip().equals("长期")) {
            return List.of(new Result(Field.VALIDITY, Field.VALIDITY.label(), Outcome.MATCH, "长期", null, "长期有效"));
        }
        try {
            LocalDate end = LocalDate.parse(parts[1].strip(), PRINTED);
            String shown = end.format(SHOWN);
            if (end.isBefore(today)) {
                return List.of(new Result(Field.VALIDITY, Field.VALIDITY.label(), Outcome.MISMATCH, shown, null,
                        "身份证已过有效期（有效期至" + shown + "），请上传有效证件"));
            }
            return List.of(new Result(Field.VALIDITY, Field.VALIDITY.label(), Outcome.MATCH, shown, null,
                    "在有效期内（至" + shown + "）"));
        } catch (DateTimeParseException e) {
            return List.of(unreadable(Field.VALIDITY, "未能识别身份证有效期限，审核员将人工核对"));
        }
    }

    private static List<Result> licence(DocumentReading reading, FilingForm form) {
        FilingForm.UnitSection unit = form.unit();
        if (unit == null) {
            return List.of();
        }
        List<Result> results = new ArrayList<>();
        compare(results, Field.CREDIT_CODE, reading.creditCode(), unit.creditCode(),
                (a, b) -> code(a).equals(code(b)), UnaryOperator.identity(), "执照上的统一社会信用代码与填写的不一致，请核对");
        compare(results, Field.UNIT_NAME, reading.unitName(), unit.name(), NameNormaliser::same, UnaryOperator.identity(),
                "执照上的单位名称与填写的不一致，请核对");
        String responsible = unit.responsiblePerson() == null ? null : unit.responsiblePerson().name();
        compare(results, Field.LEGAL_REPRESENTATIVE, reading.legalRepresentative(), responsible, NameNormaliser::same,
                UnaryOperator.identity(), "执照上的法定代表人与填写的单位负责人不一致，请核对（负责人不是法定代表人时可忽略）");
        return results;
    }

    private static void compare(List<Result> results, Field field, String recognised, String entered,
            BiPredicate<String, String> same, UnaryOperator<String> shown, String mismatchMessage) {
        if (entered == null || entered.isBlank()) {
            return;
        }
        if (recognised == null || recognised.isBlank()) {
            results.add(unreadable(field, "未能识别照片中的" + field.label() + "，审核员将人工核对"));
        } else if (same.test(recognised, entered)) {
            results.add(new Result(field, field.label(), Outcome.MATCH, shown.apply(recognised), shown.apply(entered), "一致"));
        } else {
            results.add(mismatch(field, shown.apply(recognised), shown.apply(entered), mismatchMessage));
        }
    }

    static Person personOf(MaterialType type, FilingForm form) {
        return switch (type) {
            case RESPONSIBLE_ID_FRONT, RESPONSIBLE_ID_BACK -> form.unit() == null || form.unit().responsiblePerson() == null
                    ? new Person(null, null)
                    : new Person(form.unit().responsiblePerson().name(), form.unit().responsiblePerson().idNumber());
            case ADMIN_ID_FRONT, ADMIN_ID_BACK -> form.unit() == null || form.unit().administrator() == null
                    ? new Person(null, null)
                    : new Person(form.unit().administrator().name(), form.unit().administrator().idNumber());
            case PERSON_ID_FRONT, PERSON_ID_BACK -> form.individual() == null
                    ? new Person(null, null)
                    : new Person(form.individual().name(), form.individual().idNumber());
            default -> new Person(null, null);
        };
    }

    private static String sideName(String side) {
        return "Back".equalsIgnoreCase(side) ? "国徽面" : "Front".equalsIgnoreCase(side) ? "人像面" : null;
    }

    /** An ID number or a credit code as printed or typed: full-width forms, spaces and case do not count. */
    private static String code(String value) {
        return java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFKC).replaceAll("\\s", "")
                .toUpperCase(java.util.Locale.ROOT);
    }

    private static Result mismatch(Field field, String recognised, String entered, String message) {
        return new Result(field, field.label(), Outcome.MISMATCH, recognised, entered, message);
    }

    private static Result unreadable(Field field, String message) {
        return new Result(field, field.label(), Outcome.UNREADABLE, null, null, message);
    }
}
