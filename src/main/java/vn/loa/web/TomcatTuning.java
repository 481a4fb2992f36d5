package vn.loa.web;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The servlet container's socket write buffer, sized for a feed: a 15 kB feed with its
 * headers leaves in one write rather than two (Tomcat's default is 8 kB). Buffers are
 * pooled per connection, so 500 open connections hold 16 MB of them.
 */
@Configuration(proxyBeanMethods = false)
class TomcatTuning {

	static final int WRITE_BUFFER = 32 * 1024;

	@Bean
	TomcatConnectorCustomizer feedSizedWriteBuffer() {
		return (connector) -> connector.setProperty("socket.appWriteBufSize", Integer.toString(WRITE_BUFFER));
	}

}
