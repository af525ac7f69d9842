package org.mingze.org.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Map;
import org.mingze.base.ui.FormErrors;
import org.mingze.base.validation.ValidationException;
import org.mingze.org.AccountService;

/** Change one's own password (required after an administrator issued a temporary one). */
@Route("account/password")
@PermitAll
class ChangePasswordView extends VerticalLayout implements HasDynamicTitle {

    ChangePasswordView(AccountService accounts) {
        setMaxWidth("32rem");
        PasswordField current = new PasswordField(getTranslation("password.current"));
        PasswordField next = new PasswordField(getTranslation("password.new"));
        next.setHelperText(getTranslation("password.rules"));
        PasswordField repeat = new PasswordField(getTranslation("password.repeat"));
        var fields = Map.of("current", current, "next", next, "repeat", repeat);
        Button save = new Button(getTranslation("password.save"), e -> {
            fields.values().forEach(f -> f.setInvalid(false));
            try {
                accounts.changeOwnPassword(current.getValue(), next.getValue(), repeat.getValue());
                fields.values().forEach(PasswordField::clear);
                Notification.show(getTranslation("password.changed"), 4000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (ValidationException ex) {
                FormErrors.show(ex, fields, this);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(current, next, repeat);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(new H2(getTranslation("password.title")), form, save);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("password.title");
    }
}
