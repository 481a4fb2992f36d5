package vn.loa.channels.email;

import java.io.ByteArrayOutputStream;

import jakarta.mail.Session;

import org.springframework.context.ApplicationContext;

import vn.loa.content.ContentItem;
import vn.loa.subscribers.Subscriber;

/**
 * Lets the benchmarks in {@code vn.loa.bench} see the size of a bulletin as Loa writes
 * it, so that a reference sender writes messages of the same size. Test code only.
 */
public final class BulletinBenchmarkAccess {

	private BulletinBenchmarkAccess() {
	}

	/** The bytes of the bulletin of {@code item} to {@code subscriber}, as sent. */
	public static int size(ApplicationContext loa, ContentItem item, Subscriber subscriber) throws Exception {
		BulletinComposer composer = loa.getBean(BulletinComposer.class);
		Session session = loa.getBean(BulletinTransport.class).session();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		composer.compose(session, 0, item, subscriber).writeTo(out);
		return out.size();
	}

}
