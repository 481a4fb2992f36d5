package vn.loa.organisations;

import java.text.Collator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One reading of the whole hierarchy, never changed: what every question about who is
 * within whom is answered from, in memory. A new reading replaces it whole.
 */
final class OrganisationTree {

	/**
	 * Names sorted as a Vietnamese reader looks for them: by the proper name after the
	 * kind ("Bằng Thành" in "Xã Bằng Thành"), Ă after A and Đ after D, word by word.
	 */
	static final Comparator<Organisation> BY_NAME;

	private static final java.util.regex.Pattern KIND_PREFIX = java.util.regex.Pattern
		.compile("^(Xã|Phường|Đặc khu|Tỉnh|Thành phố|Thị trấn) ");

	static {
		Collator collator = Collator.getInstance(Locale.forLanguageTag("vi"));
		collator.setStrength(Collator.TERTIARY);
		// Word by word, so "Bá Xuyên" comes before "Bách Quang": the collator alone
		// ignores spaces.
		Comparator<String> words = (a, b) -> {
			String[] left = a.split(" ");
			String[] right = b.split(" ");
			for (int i = 0; i < Math.min(left.length, right.length); i++) {
				int order = collator.compare(left[i], right[i]);
				if (order != 0) {
					return order;
				}
			}
			return Integer.compare(left.length, right.length);
		};
		BY_NAME = Comparator.comparing((Organisation o) -> KIND_PREFIX.matcher(o.name()).replaceFirst(""), words)
			.thenComparing(Organisation::name, collator)
			.thenComparing(Organisation::id);
	}

	private final Map<String, Organisation> byId = new HashMap<>();

	private final Map<String, List<Organisation>> children = new HashMap<>();

	private final List<Organisation> roots = new ArrayList<>();

	private final OrganisationStore.Stamp stamp;

	OrganisationTree(Collection<Organisation> organisations, OrganisationStore.Stamp stamp) {
		this.stamp = stamp;
		organisations.forEach((organisation) -> this.byId.put(organisation.id(), organisation));
		for (Organisation organisation : organisations) {
			String parent = organisation.parentId();
			if (parent == null || !this.byId.containsKey(parent)) {
				this.roots.add(organisation);
			}
			else {
				this.children.computeIfAbsent(parent, (id) -> new ArrayList<>()).add(organisation);
			}
		}
		this.roots.sort(BY_NAME);
		this.children.values().forEach((list) -> list.sort(BY_NAME));
	}

	OrganisationStore.Stamp stamp() {
		return this.stamp;
	}

	int size() {
		return this.byId.size();
	}

	Optional<Organisation> find(String id) {
		return Optional.ofNullable(this.byId.get(id));
	}

	List<Organisation> roots() {
		return List.copyOf(this.roots);
	}

	List<Organisation> children(String id) {
		return List.copyOf(this.children.getOrDefault(id, List.of()));
	}

	/** Its parent, the parent's parent and so on, nearest first. */
	List<Organisation> ancestors(String id) {
		List<Organisation> ancestors = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		Organisation current = this.byId.get(id);
		while (current != null && current.parentId() != null && seen.add(current.id())) {
			current = this.byId.get(current.parentId());
			if (current != null) {
				ancestors.add(current);
			}
		}
		return ancestors;
	}

	/** Everything below it, each level by name, nearest levels first. */
	List<Organisation> descendants(String id) {
		List<Organisation> found = new ArrayList<>();
		Deque<String> next = new ArrayDeque<>(List.of(id));
		Set<String> seen = new HashSet<>(Set.of(id));
		while (!next.isEmpty()) {
			for (Organisation child : this.children.getOrDefault(next.removeFirst(), List.of())) {
				if (seen.add(child.id())) {
					found.add(child);
					next.addLast(child.id());
				}
			}
		}
		return found;
	}

	/** Whether {@code id} is {@code ancestor} or lies below it. */
	boolean isWithin(String id, String ancestor) {
		if (id.equals(ancestor)) {
			return this.byId.containsKey(id);
		}
		return ancestors(id).stream().anyMatch((organisation) -> organisation.id().equals(ancestor));
	}

	Collection<Organisation> all() {
		return this.byId.values();
	}

}
