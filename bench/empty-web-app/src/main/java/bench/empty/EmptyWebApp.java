package bench.empty;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** An empty Spring Boot web application: one constant answer on the path Loa is timed on. */
@SpringBootApplication
@RestController
public class EmptyWebApp {

	public static void main(String[] args) {
		SpringApplication.run(EmptyWebApp.class, args);
	}

	@GetMapping(path = "/feed.xml", produces = "application/rss+xml")
	String feed() {
		return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>empty</title></channel></rss>";
	}

}
