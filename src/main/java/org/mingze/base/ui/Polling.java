package org.mingze.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.shared.Registration;

/**
 * A view that asks the server again every so often while it is shown (a code screen, a presenter screen): sets the
 * UI's poll interval when the view is attached and calls {@code tick} on each poll; stops polling when detached.
 */
public final class Polling {

    private Polling() {
    }

    public static void every(Component view, int millis, Runnable tick) {
        Registration[] poll = new Registration[1];
        view.addAttachListener(e -> {
            e.getUI().setPollInterval(millis);
            poll[0] = e.getUI().addPollListener(p -> tick.run());
        });
        view.addDetachListener(e -> {
            e.getUI().setPollInterval(-1);
            if (poll[0] != null) {
                poll[0].remove();
                poll[0] = null;
            }
        });
    }
}
