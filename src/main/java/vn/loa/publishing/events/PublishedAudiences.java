package vn.loa.publishing.events;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The audience recorded with a publication, for the outlets acting on
 * {@link ContentPublished}: the event names the item, not the thousands of organisations
 * a national item reaches, and this reads them from where publishing recorded them.
 */
@Service
public class PublishedAudiences {

	private final NamedParameterJdbcTemplate jdbc;

	PublishedAudiences(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The organisations an item went out to, as decided when it went out; {@code owner}
	 * alone for one that went out before audiences were recorded.
	 */
	public List<String> of(String itemId, String owner) {
		List<String> recorded = recorded(itemId);
		return recorded.isEmpty() ? List.of(owner) : recorded;
	}

	/** The organisations recorded for an item, by id; empty before it went out. */
	public List<String> recorded(String itemId) {
		return this.jdbc.queryForList(
				"SELECT organisation FROM publication_audience WHERE item_id = :item ORDER BY organisation",
				Map.of("item", itemId), String.class);
	}

}
