package cn.cac.gzh.console.internal;

import java.util.List;

import cn.cac.gzh.common.DomainException;

import org.springframework.stereotype.Service;

/**
 * The console's ready-made rejection reasons (table {@code review_reason_template}, created with the console). The filing
 * module only ever receives the final reason text.
 */
@Service
class ReasonTemplates {

    record ReasonTemplate(long id, String text) {
    }

    private final ReasonTemplateMapper templates;

    ReasonTemplates(ReasonTemplateMapper templates) {
        this.templates = templates;
    }

    List<ReasonTemplate> all() {
        return templates.all();
    }

    /** The template's text, then the reviewer's own words after "；"; either may be missing. */
    String reason(Long templateId, String text) {
        String template = templateId == null ? null : text(templateId);
        String own = text == null ? null : text.strip();
        return template == null ? own : (own == null || own.isEmpty() ? template : template + "；" + own);
    }

    private String text(long templateId) {
        String template = templates.text(templateId);
        if (template == null) {
            throw DomainException.invalid("TEMPLATE_NOT_FOUND", "退回原因模板不存在");
        }
        return template;
    }
}
