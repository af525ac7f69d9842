package org.mingze;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A Spring Boot test on an in-memory H2 database with the demo bureau loaded (see application-test.properties).
 * Classes that share this annotation share one application context, so tests create their own data with
 * {@link TestData} and never depend on what another test left behind.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@ActiveProfiles("test")
public @interface MingzeTest {
}
