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
	 * The organisations many items went out to, as decided when they went out, in one
	 * query: by item id, each item's organisations (its owner alone for one that went out
	 * before audiences were recorded).
	 * @param owners each item's id and its organisation
	 */
	public Map<String, List<String>> of(Map<String, String> owners) {
		Map<String, List<String>> recorded = recorded(owners.keySet());
		Map<String, List<String>> audiences = new java.util.LinkedHashMap<>();
		owners.forEach((item, owner) -> audiences.put(item, recorded.getOrDefault(item, List.of(owner))));
		return audiences;
	}

	/**
	 * The organisations recorded for many items, by item id; an item without any (not
	 * gone out yet) is absent.
	 */
	public Map<String, List<String>> recorded(java.util.Collection<String> itemIds) {
		Map<String, List<String>> recorded = new java.util.HashMap<>();
		List<String> ids = List.copyOf(itemIds);
		// A few hundred ids a query keeps each IN list of a sane size.
		for (int from = 0; from < ids.size(); from += 500) {
			this.jdbc.query(
					"SELECT item_id, organisation FROM publication_audience WHERE item_id IN (:items) "
							+ "ORDER BY item_id, organisation",
					Map.of("items", ids.subList(from, Math.min(from + 500, ids.size()))), (rs) -> {
						recorded.computeIfAbsent(rs.getString(1), (item) -> new java.util.ArrayList<>())
							.add(rs.getString(2));
					});
		}
		return recorded;
	}

	/** The organisations recorded for an item, by id; empty before it went out. */
	public List<String> recorded(String itemId) {
		return this.jdbc.queryForList(
				"SELECT organisation FROM publication_audience WHERE item_id = :item ORDER BY organisation",
				Map.of("item", itemId), String.class);
	}

}
