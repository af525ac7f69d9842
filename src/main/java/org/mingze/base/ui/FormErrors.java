package org.mingze.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.Map;
import org.mingze.base.validation.Problem;
import org.mingze.base.validation.ValidationException;

/** Shows a service's validation problems on the form fields they concern, the rest as a notification. */
public final class FormErrors {

    private FormErrors() {
    }

    public static void show(ValidationException ex, Map<String, ? extends HasValidation> fields, Component context) {
        StringBuilder other = new StringBuilder();
        for (Problem p : ex.problems()) {
            String text = context.getTranslation(p.key(), p.args().toArray());
            HasValidation field = fields.get(p.field());
            if (field != null) {
                field.setErrorMessage(text);
                field.setInvalid(true);
            } else {
                other.append(text).append('\n');
            }
        }
        if (!other.isEmpty()) {
            Notification n = Notification.show(other.toString().strip(), 6000, Notification.Position.MIDDLE);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
