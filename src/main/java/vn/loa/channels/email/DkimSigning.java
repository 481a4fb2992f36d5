package vn.loa.channels.email;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.simplejavamail.utils.mail.dkim.Canonicalization;
import org.simplejavamail.utils.mail.dkim.DkimMessage;
import org.simplejavamail.utils.mail.dkim.DkimSigner;
import org.simplejavamail.utils.mail.dkim.SigningAlgorithm;

import org.springframework.stereotype.Component;

/**
 * Signs outgoing mail with DKIM when {@code loa.email.dkim.*} is set: large mailbox
 * providers ask bulk senders for a DKIM signature that covers the one-click unsubscribe
 * headers. Relaxed canonicalization and RSA-SHA256; the signature covers From, To,
 * Subject, Date, Message-ID, the MIME headers, List-Id, List-Unsubscribe and
 * List-Unsubscribe-Post. A key that cannot be read stops Loa at start, naming the
 * setting.
 */
@Component
class DkimSigning {

	private static final String[] SIGNED = { "From", "To", "Reply-To", "Subject", "Date", "Message-ID", "MIME-Version",
			"Content-Type", "List-Id", "List-Unsubscribe", "List-Unsubscribe-Post", "Auto-Submitted", "Priority",
			"Importance" };

	private final @Nullable DkimProperties properties;

	private final @Nullable RSAPrivateKey key;

	DkimSigning(DkimProperties properties) {
		if (!properties.asked()) {
			this.properties = null;
			this.key = null;
			return;
		}
		if (properties.domain().isBlank() || properties.selector().isBlank() || properties.privateKey().isBlank()) {
			throw new IllegalStateException("loa.email.dkim: set domain, selector and private-key together (domain='"
					+ properties.domain() + "', selector='" + properties.selector() + "', private-key='"
					+ properties.privateKey() + "')");
		}
		this.properties = properties;
		this.key = readKey(Path.of(properties.privateKey()));
	}

	/** The message signed, or the message itself when signing is off. */
	MimeMessage sign(MimeMessage message) throws MessagingException {
		DkimProperties settings = this.properties;
		RSAPrivateKey privateKey = this.key;
		if (settings == null || privateKey == null) {
			return message;
		}
		DkimSigner signer = new DkimSigner(settings.domain(), settings.selector(), privateKey);
		signer.setSigningAlgorithm(SigningAlgorithm.SHA256_WITH_RSA);
		signer.setHeaderCanonicalization(Canonicalization.RELAXED);
		signer.setBodyCanonicalization(Canonicalization.RELAXED);
		signer.setCheckDomainKey(false);
		for (String header : SIGNED) {
			signer.addHeaderToSign(header);
		}
		return new DkimMessage(message, signer);
	}

	private static RSAPrivateKey readKey(Path path) {
		try {
			byte[] bytes = Files.readAllBytes(path);
			String text = new String(bytes, StandardCharsets.US_ASCII);
			if (text.contains("-----BEGIN RSA PRIVATE KEY-----")) {
				throw new IllegalStateException("loa.email.dkim.private-key: " + path
						+ " is a PKCS#1 key; convert it to PKCS#8 with 'openssl pkcs8 -topk8 -nocrypt -in "
						+ path.getFileName() + " -out dkim.pem'");
			}
			byte[] der = text.contains("-----BEGIN PRIVATE KEY-----")
					? Base64.getMimeDecoder().decode(text.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").strip())
					: bytes;
			return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
		}
		catch (IOException ex) {
			throw new IllegalStateException("loa.email.dkim.private-key: cannot read " + path + ": " + ex.getMessage(),
					ex);
		}
		catch (GeneralSecurityException | IllegalArgumentException | ClassCastException ex) {
			throw new IllegalStateException(
					"loa.email.dkim.private-key: " + path + " is not an RSA private key in PKCS#8 (PEM or DER)", ex);
		}
	}

}
