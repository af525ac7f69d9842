package org.mingze.base.security;

import com.vaadin.flow.server.VaadinRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The address of the client behind the current request. Behind a reverse proxy, set
 * {@code server.forward-headers-strategy=native} so that the servlet container reports the real address.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    /** The current request's remote address, or null outside a request (scheduled jobs, start-up). */
    public static String current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            return of(attrs.getRequest());
        }
        VaadinRequest vaadinRequest = VaadinRequest.getCurrent();
        return vaadinRequest == null ? null : vaadinRequest.getRemoteAddr();
    }

    public static String of(HttpServletRequest request) {
        return request == null ? null : request.getRemoteAddr();
    }
}
