package cn.cac.gzh.filing;

import java.util.List;

import cn.cac.gzh.common.FieldProblem;

/**
 * Something else a filing needs before it can be submitted (e.g. the material checklist). Every
 * bean of this type is asked on submission; their answers join the form's missing fields.
 */
public interface SubmissionCheck {

    List<FieldProblem> missing(FilingRef filing);
}
