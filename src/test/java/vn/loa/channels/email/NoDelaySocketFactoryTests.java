package vn.loa.channels.email;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NoDelaySocketFactoryTests {

	@Test
	void socketsHaveTcpNoDelay() throws Exception {
		NoDelaySocketFactory factory = new NoDelaySocketFactory();
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
				Socket unconnected = factory.createSocket();
				Socket connected = factory.createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
			assertThat(unconnected.getTcpNoDelay()).isTrue();
			assertThat(connected.isConnected()).isTrue();
			assertThat(connected.getTcpNoDelay()).isTrue();
		}
	}

	@Test
	void smtpSessionsCarryTheFactoryInstanceWithoutFallback() {
		SmtpBulletinTransport transport = new SmtpBulletinTransport("smtp", "mail.example.vn", 587, null, null,
				Map.of("mail.smtp.starttls.enable", "true"));

		assertThat(transport.session().getProperties().get("mail.smtp.socketFactory"))
			.isInstanceOf(NoDelaySocketFactory.class);
		assertThat(transport.session().getProperty("mail.smtp.socketFactory.fallback")).isEqualTo("false");
		assertThat(transport.session().getProperty("mail.smtp.starttls.enable")).isEqualTo("true");
	}

}
