package vn.loa.channels.feed;

import org.jspecify.annotations.Nullable;
import java.time.Instant;

/**
 * A serialised feed as served: its bytes, a strong entity tag over them and when its
 * newest entry went out.
 *
 * @param bytes the UTF-8 XML document
 * @param contentType the media type with its charset
 * @param etag a strong entity tag, quoted
 * @param lastModified when the newest entry went out, or {@code null} for an empty feed
 */
public record FeedDocument(byte[] bytes, String contentType, String etag, @Nullable Instant lastModified) {

}
