package vn.loa.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The one Loa the desk's integration tests share: an H2 database and a data directory of
 * its own, a {@link MovableClock} set back to the real time after every test, MockMvc,
 * the API token {@link #TOKEN}, and no periodic work (Quartz and the senders stay still,
 * so what a test sees is only what it did). Every class with this annotation and nothing
 * else that changes the context runs in the same Spring context, started once. Tests name
 * what they create (accounts, items, subscribers) after themselves, so they never meet.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:desk-shared;DB_CLOSE_DELAY=-1",
		"spring.quartz.auto-startup=false", "loa.scheduling.enabled=false", "spring.mail.host=127.0.0.1",
		"loa.api.token=" + DeskTest.TOKEN, "loa.secret=desk-shared-secret", "loa.base-url=https://loa.example.vn" })
@AutoConfigureMockMvc
@ContextConfiguration(initializers = DeskTestSetUp.DataDirectory.class)
@Import(DeskTestSetUp.Time.class)
@TestExecutionListeners(listeners = DeskTestSetUp.ClockReset.class,
		mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface DeskTest {

	/** The bearer token of the API in the shared desk. */
	String TOKEN = "desk-shared-token";

}
