package vn.loa.content;

import java.util.List;
import java.util.Optional;

/** Reads content items; what outlets and pages use. */
public interface ContentCatalog {

	Optional<ContentItem> find(String id);

	/** Items by id, in no particular order; unknown ids are left out. */
	List<ContentItem> findAll(java.util.Collection<String> ids);

}
