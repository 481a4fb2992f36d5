package vn.loa.emergency;

import java.util.Locale;

/** Where an emergency bulletin is. */
public enum EmergencyStatus {

	/** Waiting for a second person's approval. */
	AWAITING,

	/** Published. */
	ISSUED,

	/** Refused by the second person. */
	REFUSED,

	/** Taken back: its radio repeats end and unsent bulletins are cancelled. */
	WITHDRAWN;

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

}
