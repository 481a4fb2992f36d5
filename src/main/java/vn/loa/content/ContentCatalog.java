package vn.loa.content;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads content items by id: what the outlets need. The desk's and the command line's
 * lists are {@link ContentQueries}; items change only through {@link ContentWorkflow};
 * publishing's claim is {@link ContentHandOff}.
 */
public interface ContentCatalog {

	Optional<ContentItem> find(String id);

	/** Items by id, in no particular order; unknown ids are left out. */
	List<ContentItem> findAll(Collection<String> ids);

	/**
	 * The applied corrections of these items, by item id, each item's first first; an
	 * item never corrected is left out.
	 */
	default Map<String, List<ContentCorrection>> corrections(Collection<String> ids) {
		return Map.of();
	}

}
