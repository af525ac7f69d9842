package org.mingze.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.page.Page;
import com.vaadin.flow.shared.Registration;
import java.util.function.IntConsumer;

/**
 * Lets a view follow the browser window's width, so that below a phone's width it can drop the columns of a grid
 * that would otherwise scroll sideways inside itself: the view's {@code adapt} gets the window's inner width once
 * the view is attached and again at every resize, until the view is detached.
 */
public final class NarrowScreen {

    /** Below this window width (px) a view counts as on a phone. */
    public static final int PHONE_PX = 640;

    private NarrowScreen() {
    }

    /** Whether a window this wide (px; 0 = not known yet) is a phone's. */
    public static boolean narrow(int width) {
        return width > 0 && width < PHONE_PX;
    }

    /** Calls {@code adapt} with the window width now and at every resize while {@code view} is attached. */
    public static void follow(Component view, IntConsumer adapt) {
        view.addAttachListener(attach -> {
            Page page = attach.getUI().getPage();
            page.retrieveExtendedClientDetails(d -> adapt.accept(d.getWindowInnerWidth()));
            Registration resize = page.addBrowserWindowResizeListener(e -> adapt.accept(e.getWidth()));
            Registration[] detach = new Registration[1];
            detach[0] = view.addDetachListener(e -> {
                resize.remove();
                detach[0].remove();
            });
        });
    }
}
