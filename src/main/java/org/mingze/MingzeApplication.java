package org.mingze;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Viewport;
import com.vaadin.flow.theme.Theme;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Mingze (明责): study, search and knowledge tests on strict party governance. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Theme("mingze")
@Viewport("width=device-width, initial-scale=1")
@Meta(name = "application-name", content = "明责")
public class MingzeApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(MingzeApplication.class, args);
    }
}
