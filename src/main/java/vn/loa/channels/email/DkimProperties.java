package vn.loa.channels.email;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * DKIM signing of the mail Loa sends ({@code loa.email.dkim.*}). Off until all three are
 * set; the public half of the key goes in DNS as a TXT record at
 * {@code <selector>._domainkey.<domain>}.
 *
 * @param domain the signing domain ({@code d=}), the sender address's domain or one it
 * belongs to, for example {@code thainguyen.gov.vn}
 * @param selector the selector ({@code s=}), for example {@code loa2026}
 * @param privateKey the path of the RSA private key, PKCS#8 in PEM ({@code -----BEGIN
 * PRIVATE KEY-----}) or DER
 */
@ConfigurationProperties("loa.email.dkim")
record DkimProperties(@DefaultValue("") String domain, @DefaultValue("") String selector,
		@DefaultValue("") String privateKey) {

	/** Whether signing is asked for: any of the three is set. */
	boolean asked() {
		return !this.domain.isBlank() || !this.selector.isBlank() || !this.privateKey.isBlank();
	}

}
