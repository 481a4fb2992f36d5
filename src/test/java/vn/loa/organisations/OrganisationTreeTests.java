package vn.loa.organisations;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Who is within whom, answered from one reading of the hierarchy. */
class OrganisationTreeTests {

	private static final OrganisationTree TREE = new OrganisationTree(
			List.of(organisation("thai-nguyen", "Tỉnh Thái Nguyên", null),
					organisation("thai-nguyen-bang-thanh", "Xã Bằng Thành", "thai-nguyen"),
					organisation("thai-nguyen-an-khanh", "Xã An Khánh", "thai-nguyen"),
					organisation("trung-tam-bang-thanh", "Trung tâm truyền thông Bằng Thành", "thai-nguyen-bang-thanh"),
					organisation("default", "Loa", null), organisation("mo-coi", "Cha không còn", "da-xoa")),
			OrganisationStore.Stamp.NONE);

	@Test
	void ancestorsNearestFirstAndDescendantsLevelByLevelByVietnameseName() {
		assertThat(TREE.ancestors("trung-tam-bang-thanh")).extracting(Organisation::id)
			.containsExactly("thai-nguyen-bang-thanh", "thai-nguyen");
		assertThat(TREE.descendants("thai-nguyen")).extracting(Organisation::id)
			.containsExactly("thai-nguyen-an-khanh", "thai-nguyen-bang-thanh", "trung-tam-bang-thanh");
		assertThat(TREE.roots()).extracting(Organisation::id).containsExactly("mo-coi", "default", "thai-nguyen");
	}

	@Test
	void withinIsItselfOrAnythingBelowNeverASiblingOrAParent() {
		assertThat(TREE.isWithin("trung-tam-bang-thanh", "thai-nguyen")).isTrue();
		assertThat(TREE.isWithin("thai-nguyen", "thai-nguyen")).isTrue();
		assertThat(TREE.isWithin("thai-nguyen-an-khanh", "thai-nguyen-bang-thanh")).isFalse();
		assertThat(TREE.isWithin("thai-nguyen", "thai-nguyen-bang-thanh")).isFalse();
		assertThat(TREE.isWithin("khong-co", "khong-co")).isFalse();
	}

	private static Organisation organisation(String id, String name, String parent) {
		return new Organisation(id, name, OrganisationKind.OTHER, parent, null, true, 1);
	}

}
