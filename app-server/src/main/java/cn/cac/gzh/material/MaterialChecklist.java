package cn.cac.gzh.material;

import java.util.List;
import java.util.Map;

import cn.cac.gzh.filing.FormType;

/** What each form type must bring (notice §3.1–§3.3). */
public final class MaterialChecklist {

    private static final Map<FormType, List<MaterialType>> REQUIRED = Map.of(
            FormType.UNIT, List.of(MaterialType.LICENCE, MaterialType.RESPONSIBLE_ID_FRONT,
                    MaterialType.RESPONSIBLE_ID_BACK, MaterialType.ADMIN_ID_FRONT, MaterialType.ADMIN_ID_BACK,
                    MaterialType.SIGNED_UNIT_FORM),
            FormType.INDIVIDUAL, List.of(MaterialType.PERSON_ID_FRONT, MaterialType.PERSON_ID_BACK,
                    MaterialType.SIGNED_INDIVIDUAL_FORM));

    private MaterialChecklist() {
    }

    public static List<MaterialType> requiredFor(FormType formType) {
        return REQUIRED.get(formType);
    }
}
