package org.mingze.library.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.mingze.library.MaterialMeta;

/** The front-matter fields of a material (content-format.md) as a form; used by the upload page and the editor. */
class MaterialMetaForm extends FormLayout {

    final TextField title = new TextField();
    final ComboBox<String> category = new ComboBox<>();
    final TextField tags = new TextField();
    final TextField source = new TextField();
    final DatePicker date = new DatePicker();
    final TextArea summary = new TextArea();

    MaterialMetaForm(List<String> categories) {
        addClassName("mingze-meta-form");
        title.setLabel(getTranslation("library.meta.title"));
        title.setRequiredIndicatorVisible(true);
        title.setMaxLength(200);
        category.setLabel(getTranslation("library.meta.category"));
        category.setRequiredIndicatorVisible(true);
        category.setItems(categories);
        category.setAllowCustomValue(true);
        category.addCustomValueSetListener(e -> category.setValue(e.getDetail()));
        tags.setLabel(getTranslation("library.meta.tags"));
        tags.setHelperText(getTranslation("library.meta.tags.helper"));
        source.setLabel(getTranslation("library.meta.source"));
        source.setHelperText(getTranslation("library.meta.source.helper"));
        date.setLabel(getTranslation("library.meta.date"));
        date.setLocale(getLocale());
        summary.setLabel(getTranslation("library.meta.summary"));
        summary.setHelperText(getTranslation("library.meta.summary.helper"));
        summary.setMaxLength(500);
        add(title, category, tags, source, date, summary);
        setColspan(title, 2);
        setColspan(summary, 2);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("32rem", 2));
    }

    void fill(MaterialMeta m) {
        title.setValue(m.title() == null ? "" : m.title());
        if (m.category() != null) {
            category.setValue(m.category());
        }
        tags.setValue(m.tags() == null ? "" : String.join("、", m.tags()));
        source.setValue(m.source() == null ? "" : m.source());
        date.setValue(m.date());
        summary.setValue(m.summary() == null ? "" : m.summary());
    }

    MaterialMeta value() {
        List<String> tagList = Arrays.stream(tags.getValue().split("[,，、;；]")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        return new MaterialMeta(title.getValue(), category.getValue(), tagList, source.getValue(), date.getValue(),
                summary.getValue());
    }

    Map<String, HasValidation> fields() {
        return Map.of("title", title, "category", category, "tags", tags, "source", source, "date", date,
                "summary", summary);
    }

    void clearErrors() {
        fields().values().forEach(f -> f.setInvalid(false));
    }
}
