package org.mingze.library.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import org.mingze.base.ui.FormErrors;
import org.mingze.base.validation.ValidationException;
import org.mingze.library.LibraryService;

/** Edits the fields of an uploaded material; the text stays as uploaded. */
class MaterialMetaDialog extends Dialog {

    MaterialMetaDialog(LibraryService library, String id, Runnable saved) {
        setHeaderTitle(getTranslation("library.meta.edit.title"));
        addClassName("mingze-meta-dialog");
        setWidth("min(40rem, 100vw)");
        MaterialMetaForm form = new MaterialMetaForm(library.categories());
        form.fill(library.meta(id));
        add(form);
        Button save = new Button(getTranslation("library.meta.save"), e -> {
            form.clearErrors();
            try {
                library.updateMeta(id, form.value());
                Notification.show(getTranslation("library.meta.saved"), 3000, Notification.Position.BOTTOM_START);
                close();
                saved.run();
            } catch (ValidationException ex) {
                FormErrors.show(ex, form.fields(), this);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClassName("mingze-meta-save");
        Button cancel = new Button(getTranslation("library.meta.cancel"), e -> close());
        getFooter().add(cancel, save);
    }
}
