package vn.loa.importer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import vn.loa.importer.PlanDraft.Extracted;
import vn.loa.importer.PlanDraft.Warning;

/** Writes the review report of a draft: each value with its line, then the warnings. */
final class DraftReport {

	private static final Map<String, String> LABELS = new LinkedHashMap<>();

	private static final Map<String, String> LABELS_OWN = new LinkedHashMap<>();

	static {
		LABELS.put("heading.under_header",
				"Dòng tiêu đề, ngay dưới số và ngày văn bản / Heading, under the header block");
		LABELS.put("heading.first", "Dòng tiêu đề, dòng đầu gọi tên loại văn bản / Heading, the first naming the kind");
		LABELS.put("heading.lead",
				"Không có dòng tiêu đề: đọc từ câu mở đầu bài tin / No heading: read from the news lead");
		LABELS.put("heading.none", "Không có dòng tiêu đề / No heading");
		LABELS.put("kind", "Loại văn bản / Kind");
		LABELS.put("number", "Số / Number");
		LABELS.put("code", "Ký hiệu / Code");
		LABELS.put("issuer.header", "Tiêu đề cơ quan / Header");
		LABELS.put("issuer", "Cơ quan ban hành / Issuer");
		LABELS.put("place", "Địa danh / Place");
		LABELS.put("date", "Ngày ban hành / Date");
		LABELS.put("title", "Trích yếu / Title");
		LABELS.put("implements", "Thực hiện / Implements");
		LABELS.put("phase", "Giai đoạn / Phase");
		LABELS.put("anniversary", "Ngày kỷ niệm / Anniversary");
		LABELS.put("event", "Sự kiện / Event");
		LABELS.put("outlet", "Kênh của Loa / Outlet");
		LABELS.put("note", "Hình thức khác / Other form");
		LABELS.put("unit", "Đơn vị thực hiện / Responsible unit");
		LABELS.put("recipient", "Nơi nhận / Recipient");
		LABELS.put("signer.onBehalfOf", "Thay mặt / On behalf of");
		LABELS.put("signer.role", "Chức vụ / Role");
		LABELS.put("signer", "Người ký / Signer");
		LABELS_OWN.put("report.title", "Bản nháp kế hoạch / Plan draft");
		LABELS_OWN.put("report.warnings", "Cần kiểm tra / Warnings");
		LABELS_OWN.put("report.line", "dòng/line");
	}

	private DraftReport() {
	}

	static String write(PlanDraft draft) {
		return write(draft, (field) -> LABELS.getOrDefault(field, LABELS_OWN.getOrDefault(field, field)),
				Warning::message);
	}

	/**
	 * The same in one language: {@code label} names a field ({@code "issuer"}, or
	 * {@code "report.title"}, {@code "report.warnings"}, {@code "report.line"} for the
	 * report's own words) and {@code warning} says a warning.
	 */
	static String write(PlanDraft draft, Function<String, String> label, Function<Warning, String> warning) {
		StringBuilder r = new StringBuilder();
		r.append(label.apply("report.title")).append(": ").append(draft.id()).append('\n');
		String line = label.apply("report.line");
		for (String field : LABELS.keySet()) {
			for (Extracted value : draft.extracted()) {
				if (value.field().equals(field)) {
					r.append(label.apply(field))
						.append(": ")
						.append(value.value())
						.append(" (")
						.append(line)
						.append(' ')
						.append(value.line())
						.append(")\n");
				}
			}
		}
		r.append('\n').append(label.apply("report.warnings")).append(": ").append(draft.warnings().size()).append('\n');
		for (Warning each : draft.warnings()) {
			r.append("- ")
				.append((each.line() > 0) ? line + " " + each.line() + ": " : "")
				.append(warning.apply(each))
				.append('\n');
		}
		return r.toString();
	}

}
